namespace Pricer.Data.Accounts;

/// <summary>A one-use sign-up link for a role; only a hash of its token is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public PricerRole Role { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public string? UsedByUserId { get; set; }
    public DateTime? UsedAtUtc { get; set; }
}
