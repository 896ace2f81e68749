namespace Pricer.Data.Accounts;

/// <summary>The one row of settings an Admin changes in the app (id 1).</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public SignUpMode SignUpMode { get; set; }
    public string? ChangedBy { get; set; }
    public DateTime? ChangedAtUtc { get; set; }
}
