namespace Pricer.Data.Accounts;

/// <summary>Who may create an account once the first (Admin) account exists.</summary>
public enum SignUpMode
{
    /// <summary>Only people holding an unused invitation link.</summary>
    InvitationOnly = 0,

    /// <summary>Anyone (a crowd); new accounts are Guessers.</summary>
    Open = 1,
}
