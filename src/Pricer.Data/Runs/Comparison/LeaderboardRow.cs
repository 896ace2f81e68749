using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>One run on the leaderboard: who made it and how it scores on the report.</summary>
/// <param name="Metrics">Null when the run has no guess for any of the report's items.</param>
/// <param name="ExpectedCount">How many items the report covers in the data set.</param>
/// <param name="CoverageNote">Why the numbers do not stand for the whole report; null when they do.</param>
public sealed record LeaderboardRow(PricerRun Run, PriceMetrics? Metrics, int ExpectedCount, string? CoverageNote)
{
    /// <summary>How many of the report's items the run guessed (n).</summary>
    public int Count => Metrics?.Count ?? 0;

    /// <summary>True when every item of the report was scored, so the row compares with complete runs and the course.</summary>
    public bool IsComplete => Metrics is not null && CoverageNote is null;
}
