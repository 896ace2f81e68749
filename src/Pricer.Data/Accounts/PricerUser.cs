using Microsoft.AspNetCore.Identity;

namespace Pricer.Data.Accounts;

/// <summary>A person who signs in: their guesses, runs and settings changes carry this id.</summary>
public sealed class PricerUser : IdentityUser
{
    public DateTime CreatedAtUtc { get; set; }
}
