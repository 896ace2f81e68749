using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>Every run on a data set scored by one report.</summary>
/// <param name="ExpectedCount">How many items the report covers in this data set.</param>
public sealed record Leaderboard(string Dataset, ReportDefinition Report, int ExpectedCount, IReadOnlyList<LeaderboardRow> Rows)
{
    /// <summary>
    /// The rows the query keeps, in its order. Rows with nothing to sort by (no metrics) come last in either
    /// direction, and ties keep the newest run first so that the order is stable.
    /// </summary>
    public IReadOnlyList<LeaderboardRow> Apply(LeaderboardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Text?.Trim();
        var keyed = Rows
            .Where(r => (query.Kind is null || r.Run.Kind == query.Kind)
                && (string.IsNullOrEmpty(text)
                    || r.Run.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || r.Run.StartedBy.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => (Row: r, Key: SortKey(r, query.Sort)))
            .OrderBy(k => k.Key is null);
        var sorted = query.Descending ? keyed.ThenByDescending(k => k.Key) : keyed.ThenBy(k => k.Key);
        return sorted.ThenByDescending(k => k.Row.Run.StartedAtUtc).ThenByDescending(k => k.Row.Run.Id).Select(k => k.Row).ToList();
    }

    private static IComparable? SortKey(LeaderboardRow row, LeaderboardColumn column) => column switch
    {
        LeaderboardColumn.Error => row.Metrics?.Error,
        LeaderboardColumn.Rmsle => row.Metrics?.Rmsle,
        LeaderboardColumn.Hits => row.Metrics?.HitsPercent,
        LeaderboardColumn.Mse => row.Metrics?.Mse,
        // R² of a single item is NaN; it sorts below every real value.
        LeaderboardColumn.R2 => row.Metrics is { R2: var r2 } ? (double.IsNaN(r2) ? double.NegativeInfinity : r2) : null,
        LeaderboardColumn.Count => row.Count,
        LeaderboardColumn.Cost => row.Run.CostUsd,
        LeaderboardColumn.Duration => row.Run.DurationSeconds,
        LeaderboardColumn.Kind => row.Run.Kind.ToString(),
        LeaderboardColumn.Name => new CaseInsensitive(row.Run.Name),
        LeaderboardColumn.StartedBy => new CaseInsensitive(row.Run.StartedBy),
        LeaderboardColumn.Started => row.Run.StartedAtUtc,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown leaderboard column."),
    };

    private readonly record struct CaseInsensitive(string Text) : IComparable
    {
        public int CompareTo(object? other) => StringComparer.OrdinalIgnoreCase.Compare(Text, ((CaseInsensitive)other!).Text);
    }
}
