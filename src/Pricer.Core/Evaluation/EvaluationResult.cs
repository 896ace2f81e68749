namespace Pricer.Core.Evaluation;

/// <summary>A pricer scored by one report: its metrics, its items one by one, and what the charts draw.</summary>
public sealed class EvaluationResult
{
    public required ReportDefinition Report { get; init; }

    public required string PricerName { get; init; }

    /// <summary>How many items the report covers in this data set: its size, or fewer when the split is shorter.</summary>
    public required int ExpectedCount { get; init; }

    /// <summary>Metrics over the scored items (those with a guess); Metrics.Count is n.</summary>
    public required PriceMetrics Metrics { get; init; }

    /// <summary>The scored items in split order.</summary>
    public required IReadOnlyList<ScoredItem> Items { get; init; }

    /// <summary>Ids of the report's items that had no guess, in split order; they are left out of every metric.</summary>
    public required IReadOnlyList<string> MissingItemIds { get; init; }

    /// <summary>Mean absolute error over the first k scored items, k = 1..n, with its 95% band.</summary>
    public required IReadOnlyList<RunningErrorPoint> RunningError { get; init; }

    public required IReadOnlyList<HistogramBin> ErrorHistogram { get; init; }

    public required IReadOnlyList<CategoryError> ErrorByCategory { get; init; }

    /// <summary>Why these numbers do not stand for the whole report (missing guesses, a short split); null when they do.</summary>
    public required string? CoverageNote { get; init; }

    /// <summary>True when every item the report asks for was scored, so the numbers compare with other runs and the course.</summary>
    public bool IsComplete => CoverageNote is null;

    /// <summary>"{name} Error=$e RMSLE=r Hits=h%".</summary>
    public string ScatterTitle => ChartTitles.Scatter(PricerName, Metrics);

    /// <summary>"{name} Error: $m ± $ci".</summary>
    public string ErrorTrendTitle => ChartTitles.ErrorTrend(PricerName, Metrics);
}
