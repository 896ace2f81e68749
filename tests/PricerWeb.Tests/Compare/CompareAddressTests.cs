using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Runs.Comparison;
using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

public class CompareAddressTests
{
    [Fact]
    public void The_address_round_trips_the_whole_selection()
    {
        var selection = new CompareSelection("items lite", ReportDefinition.Course2025, [7, 3],
            new LeaderboardQuery(RunKind.Llm, "gpt & co", LeaderboardColumn.Hits, Descending: false), ScatterRunId: 3, PairA: 7, PairB: 3);

        var query = CompareAddress.ToQuery(selection);
        var read = CompareAddress.Read(
            (string?)query[CompareAddress.Dataset], (string?)query[CompareAddress.Report], (string?)query[CompareAddress.Runs],
            (string?)query[CompareAddress.Kind], (string?)query[CompareAddress.Text], (string?)query[CompareAddress.Sort],
            (string?)query[CompareAddress.Descending], (int?)query[CompareAddress.Scatter], (int?)query[CompareAddress.PairA], (int?)query[CompareAddress.PairB]);

        Assert.Equal("7,3", query[CompareAddress.Runs]);
        Assert.Equal("hits", query[CompareAddress.Sort]);
        Assert.Equal("false", query[CompareAddress.Descending]);
        Assert.Equal(selection with { RunIds = read.RunIds }, read);
        Assert.Equal([7, 3], read.RunIds);
    }

    [Fact]
    public void Defaults_stay_out_of_the_address()
    {
        var query = CompareAddress.ToQuery(CompareAddress.Read("d", null, null, null, null, null, null));

        Assert.Equal("course2024", query[CompareAddress.Report]);
        Assert.All(new[] { CompareAddress.Runs, CompareAddress.Kind, CompareAddress.Text, CompareAddress.Sort, CompareAddress.Descending, CompareAddress.Scatter },
            key => Assert.Null(query[key]));
    }

    [Fact]
    public void Values_that_do_not_parse_fall_back_to_defaults()
    {
        var read = CompareAddress.Read("  ", "course1999", "3,x,-4,0,3,,12", "robot", " ", "price", "maybe");

        Assert.Null(read.Dataset);
        Assert.Same(ReportDefinition.Course2024, read.Report);
        Assert.Equal([3, 12], read.RunIds);
        Assert.Equal(new LeaderboardQuery(), read.Query);
    }

    [Fact]
    public void Run_ids_beyond_the_most_that_can_be_compared_are_dropped()
    {
        var read = CompareAddress.Read("d", null, string.Join(",", Enumerable.Range(1, 20)), null, null, null, null);

        Assert.Equal(Enumerable.Range(1, CompareSelection.MaxRuns), read.RunIds);
    }

    [Fact]
    public void Ticking_adds_a_run_at_the_end_once_and_never_beyond_the_limit_and_unticking_removes_it()
    {
        var selection = CompareAddress.Read("d", null, "4,2", null, null, null, null);

        Assert.Equal([4, 2, 9], selection.WithRun(9, true).RunIds);
        Assert.Equal([4, 2], selection.WithRun(2, true).RunIds);
        Assert.Equal([2], selection.WithRun(4, false).RunIds);
        var full = CompareAddress.Read("d", null, "1,2,3,4,5,6,7,8", null, null, null, null);
        Assert.Same(full, full.WithRun(9, true));
    }

    [Fact]
    public void A_column_first_sorts_best_first_and_a_second_click_reverses_it()
    {
        var selection = CompareAddress.Read("d", null, null, null, null, null, null);

        var byHits = selection.SortedBy(LeaderboardColumn.Hits);
        Assert.Equal((LeaderboardColumn.Hits, true), (byHits.Query.Sort, byHits.Query.Descending));
        Assert.False(byHits.SortedBy(LeaderboardColumn.Hits).Query.Descending);
        Assert.True(selection.SortedBy(LeaderboardColumn.Error).Query.Descending);
        Assert.False(byHits.SortedBy(LeaderboardColumn.Mse).Query.Descending);
    }

    [Fact]
    public void Links_escape_the_data_set_name()
    {
        Assert.Equal("api/compare.csv?dataset=a%20%26%20b%3F&report=test&runs=1%2C2", CompareAddress.CsvLink("a & b?", ReportDefinition.Test, [1, 2]));
        Assert.Equal("api/runs/42/predictions.csv", CompareAddress.PredictionsLink(42));
    }
}
