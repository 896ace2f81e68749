using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Tests.Compare;

public class LeaderboardTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly Leaderboard Board = new("d", ReportDefinition.Test, 10,
    [
        Row(1, "Random", RunKind.Baseline, "ann", error: 340, hits: 10, r2: -4, minute: 1),
        Row(2, "constant", RunKind.Baseline, "ann", error: 145, hits: 20, r2: double.NaN, minute: 2),
        Row(3, "GPT-4o", RunKind.Llm, "Bob", error: 76, hits: 55, r2: 0.7, minute: 3),
        Row(4, "my sheet", RunKind.Human, "cy", error: null, minute: 4),
        Row(5, "forest", RunKind.Baseline, "bob", error: 145, hits: 30, r2: 0.1, minute: 5),
    ]);

    [Fact]
    public void By_default_the_lowest_error_comes_first_ties_newest_first_and_rows_without_metrics_last()
    {
        Assert.Equal([3, 5, 2, 1, 4], Ids(new LeaderboardQuery()));
    }

    [Fact]
    public void Descending_keeps_rows_without_metrics_last()
    {
        Assert.Equal([1, 5, 2, 3, 4], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.Error, Descending: true)));
        Assert.Equal([3, 5, 2, 1, 4], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.Hits, Descending: true)));
    }

    [Fact]
    public void An_undefined_r2_sorts_below_every_real_one()
    {
        Assert.Equal([3, 5, 1, 2, 4], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.R2, Descending: true)));
    }

    [Fact]
    public void Text_columns_sort_ignoring_case()
    {
        Assert.Equal([2, 5, 3, 4, 1], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.Name)));
        Assert.Equal([2, 1, 5, 3, 4], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.StartedBy)));
    }

    [Fact]
    public void Filters_keep_one_kind_and_names_or_authors_containing_the_text_ignoring_case()
    {
        Assert.Equal([5, 2, 1], Ids(new LeaderboardQuery(Kind: RunKind.Baseline)));
        Assert.Equal([3, 5], Ids(new LeaderboardQuery(Text: "  BOB ")));
        Assert.Equal([5], Ids(new LeaderboardQuery(Kind: RunKind.Baseline, Text: "bob")));
        Assert.Equal([4], Ids(new LeaderboardQuery(Text: "sheet")));
        Assert.Empty(Ids(new LeaderboardQuery(Kind: RunKind.Crowd)));
    }

    [Fact]
    public void Newest_first_when_sorted_by_start()
    {
        Assert.Equal([5, 4, 3, 2, 1], Ids(new LeaderboardQuery(Sort: LeaderboardColumn.Started, Descending: true)));
    }

    private static int[] Ids(LeaderboardQuery query) => Board.Apply(query).Select(r => r.Run.Id).ToArray();

    private static LeaderboardRow Row(int id, string name, RunKind kind, string who, double? error, double hits = 0, double r2 = 0, int minute = 0) => new(
        new PricerRun { Id = id, Name = name, Kind = kind, StartedBy = who, CodeVersion = "test", StartedAtUtc = T0.AddMinutes(minute) },
        error is { } e ? new PriceMetrics(10, e, 1, hits, e * e, r2, e, 1) : null,
        10,
        error is null ? "No guesses." : null);
}
