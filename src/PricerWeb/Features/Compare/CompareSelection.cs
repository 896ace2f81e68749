using Pricer.Core.Evaluation;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Features.Compare;

/// <summary>Everything the comparison page shows, as its address holds it.</summary>
/// <param name="Dataset">The data set's name; null for the first one.</param>
/// <param name="RunIds">The runs to compare, in the order they were picked.</param>
/// <param name="ScatterRunId">The run the scatter shows; null for the first compared run.</param>
/// <param name="PairA">The first run of the disagreement table; null for the first compared run.</param>
/// <param name="PairB">The second run of the disagreement table; null for the next compared run.</param>
public sealed record CompareSelection(
    string? Dataset,
    ReportDefinition Report,
    IReadOnlyList<int> RunIds,
    LeaderboardQuery Query,
    int? ScatterRunId = null,
    int? PairA = null,
    int? PairB = null)
{
    /// <summary>The palette has this many colours, and the charts stay legible up to it.</summary>
    public const int MaxRuns = 8;

    /// <summary>The selection with the run added (at the end) or removed; at most <see cref="MaxRuns"/> runs.</summary>
    public CompareSelection WithRun(int runId, bool selected)
    {
        if (selected) return RunIds.Contains(runId) || RunIds.Count >= MaxRuns ? this : this with { RunIds = [.. RunIds, runId] };
        return this with { RunIds = RunIds.Where(id => id != runId).ToList() };
    }

    /// <summary>Sorted by the column: a second click on the same column reverses the order, a new column starts in its natural direction.</summary>
    public CompareSelection SortedBy(LeaderboardColumn column) => this with
    {
        Query = Query with
        {
            Sort = column,
            Descending = column == Query.Sort ? !Query.Descending : LeaderboardQuery.DescendingByDefault(column),
        },
    };
}
