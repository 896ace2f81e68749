namespace PricerWeb.Features.Guessing;

/// <summary>The "Guessing" settings section: how fast one person may submit guesses.</summary>
public sealed class GuessingOptions
{
    public const string SectionName = "Guessing";

    /// <summary>Guesses a person may send in one burst.</summary>
    public int Burst { get; set; } = 30;

    /// <summary>Guesses per second a person regains after a burst.</summary>
    public int PerSecond { get; set; } = 5;
}
