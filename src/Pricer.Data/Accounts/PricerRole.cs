namespace Pricer.Data.Accounts;

/// <summary>
/// What a person may do; each role can do everything the roles below it can. Stored as Identity role names
/// (the enum's names), so a role is also a claim the cookie carries.
/// </summary>
public enum PricerRole
{
    /// <summary>Plays guessing campaigns and sees leaderboards.</summary>
    Guesser = 0,

    /// <summary>Starts runs, imports data and creates campaigns.</summary>
    Member = 1,

    /// <summary>Manages people, sign-up and settings.</summary>
    Admin = 2,
}
