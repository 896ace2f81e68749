using Pricer.Core.Pricers;

namespace Pricer.Data.Runs.Comparison;

/// <summary>Which runs the leaderboard shows and in what order.</summary>
/// <param name="Kind">Only runs of this kind; null for all.</param>
/// <param name="Text">Only runs whose name or author contains this text, ignoring case; null or blank for all.</param>
public sealed record LeaderboardQuery(RunKind? Kind = null, string? Text = null, LeaderboardColumn Sort = LeaderboardColumn.Error, bool Descending = false)
{
    /// <summary>The direction a column sorts in when first chosen: best first for metrics, newest first for dates.</summary>
    public static bool DescendingByDefault(LeaderboardColumn column) =>
        column is LeaderboardColumn.Hits or LeaderboardColumn.R2 or LeaderboardColumn.Count or LeaderboardColumn.Started;
}
