using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>The "Accounts" settings section.</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Sign-up mode until an Admin chooses one in the app.</summary>
    public SignUpMode InitialSignUpMode { get; set; } = SignUpMode.InvitationOnly;

    /// <summary>Marks the sign-in cookie Secure so browsers send it over HTTPS only; off only for plain-HTTP development and tests.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>Sign-in and sign-up form submissions allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>Accounts created at start-up where missing (an operator's first Admin, test users); passwords from secrets or environment.</summary>
    public List<SeedAccount> Seed { get; set; } = [];
}
