namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>An account every test app is started with (seeded from configuration), signed in through the real form.</summary>
public sealed record TestAccount(string Email, string Role)
{
    public const string Password = "Pricer-Test-1";

    public static TestAccount Admin { get; } = new("admin@pricer.test", "Admin");
    public static TestAccount Member { get; } = new("member@pricer.test", "Member");
    public static TestAccount Guesser { get; } = new("guesser@pricer.test", "Guesser");

    /// <summary>Two more Guessers, for games with several players.</summary>
    public static TestAccount PlayerOne { get; } = new("player1@pricer.test", "Guesser");
    public static TestAccount PlayerTwo { get; } = new("player2@pricer.test", "Guesser");

    public static IReadOnlyList<TestAccount> All { get; } = [Admin, Member, Guesser, PlayerOne, PlayerTwo];

    /// <summary>The seed settings in environment-variable form (Accounts__Seed__N__...).</summary>
    public static IEnumerable<KeyValuePair<string, string>> SeedSettings() =>
        All.SelectMany((account, i) => new[]
        {
            KeyValuePair.Create($"Accounts__Seed__{i}__Email", account.Email),
            KeyValuePair.Create($"Accounts__Seed__{i}__Password", Password),
            KeyValuePair.Create($"Accounts__Seed__{i}__Role", account.Role),
        });
}
