using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>An account the app makes sure exists at start-up.</summary>
public sealed class SeedAccount
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public PricerRole Role { get; set; } = PricerRole.Guesser;
}
