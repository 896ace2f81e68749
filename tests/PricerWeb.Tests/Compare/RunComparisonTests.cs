using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Tests.Compare;

public class RunComparisonTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task The_leaderboard_scores_every_run_of_the_data_set_with_hand_checked_metrics()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);

        var board = await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Test, CancellationToken.None);

        Assert.Equal(4, board.ExpectedCount);
        Assert.Equal([runs.Gamma.Id, runs.Beta.Id, runs.Alpha.Id], board.Rows.Select(r => r.Run.Id));
        var alpha = board.Rows.Single(r => r.Run.Id == runs.Alpha.Id);
        Assert.True(alpha.IsComplete);
        var m = alpha.Metrics!;
        Assert.Equal(4, m.Count);
        Assert.Equal((10 + 50 + 0 + 100) / 4.0, m.Error, Tolerance);
        Assert.Equal(50, m.HitsPercent, Tolerance);
        Assert.Equal((100 + 2500 + 0 + 10000) / 4.0, m.Mse, Tolerance);
        var squaredLogs = Math.Pow(Math.Log(101) - Math.Log(111), 2) + Math.Pow(Math.Log(201) - Math.Log(151), 2) + Math.Pow(Math.Log(401) - Math.Log(301), 2);
        Assert.Equal(Math.Sqrt(squaredLogs / 4), m.Rmsle, Tolerance);
        // mean truth 187.5: SS_tot = 87.5² + 12.5² + 137.5² + 212.5² = 71,875; SS_res = 12,600.
        Assert.Equal(1 - 12600 / 71875.0, m.R2, Tolerance);
        Assert.Equal(3.0, alpha.Run.DurationSeconds);
    }

    [Fact]
    public async Task A_partial_run_is_scored_on_its_guesses_and_flagged_and_a_run_without_guesses_has_no_metrics()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);

        var board = await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Test, CancellationToken.None);

        var beta = board.Rows.Single(r => r.Run.Id == runs.Beta.Id);
        Assert.False(beta.IsComplete);
        Assert.Equal(3, beta.Count);
        Assert.Equal(4, beta.ExpectedCount);
        Assert.Equal((0 + 60 + 0) / 3.0, beta.Metrics!.Error, Tolerance);
        Assert.Equal("1 of the 4 items have no guess and are left out of the metrics.", beta.CoverageNote);

        var gamma = board.Rows.Single(r => r.Run.Id == runs.Gamma.Id);
        Assert.Null(gamma.Metrics);
        Assert.False(gamma.IsComplete);
        Assert.Equal(0, gamma.Count);
        Assert.Equal("No guesses for the 4 items of report 'test'.", gamma.CoverageNote);

        var validation = await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Validation, CancellationToken.None);
        Assert.Equal(0, validation.Rows.Single(r => r.Run.Id == runs.Gamma.Id).Metrics!.Error);
        Assert.Equal(79, validation.Rows.Single(r => r.Run.Id == runs.Alpha.Id).Metrics!.Error);
        Assert.Null(validation.Rows.Single(r => r.Run.Id == runs.Beta.Id).Metrics);
    }

    [Fact]
    public async Task A_report_scores_only_its_own_items_so_guesses_beyond_the_first_250_do_not_count_for_course2024()
    {
        await using var database = await RunsDatabase.CreateAsync();
        await database.Seed.DatasetAsync("long", Enumerable.Range(0, 260).Select(i => TestItem.Test($"i{i:000}", 100)).ToArray());
        var guesses = Enumerable.Range(0, 260).ToDictionary(i => $"i{i:000}", i => i < 250 ? 100.0 : 1000.0);
        await database.Seed.RunAsync("long", "exact for 250", guesses);

        var course = Assert.Single((await database.Comparison.LeaderboardAsync("long", ReportDefinition.Course2024, CancellationToken.None)).Rows);
        var whole = Assert.Single((await database.Comparison.LeaderboardAsync("long", ReportDefinition.Test, CancellationToken.None)).Rows);

        Assert.True(course.IsComplete);
        Assert.Equal(250, course.Count);
        Assert.Equal(0, course.Metrics!.Error);
        Assert.Equal(260, whole.Count);
        Assert.Equal(10 * 900 / 260.0, whole.Metrics!.Error, Tolerance);
    }

    [Fact]
    public async Task A_split_shorter_than_the_report_flags_every_run_as_partial()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);

        var board = await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Course2024, CancellationToken.None);

        var alpha = board.Rows.Single(r => r.Run.Id == runs.Alpha.Id);
        Assert.False(alpha.IsComplete);
        Assert.Equal(4, alpha.ExpectedCount);
        Assert.Contains("The test split has only 4 items, report 'course2024' asks for the first 250.", alpha.CoverageNote);
    }

    [Fact]
    public async Task The_leaderboard_reads_the_report_items_once_and_all_guesses_in_one_query_however_many_runs()
    {
        await using var database = await RunsDatabase.CreateAsync();
        await TinyRuns.SeedAsync(database.Seed);

        database.ResetCommandCount();
        await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Test, CancellationToken.None);
        var withThreeRuns = database.CommandCount;

        for (var i = 0; i < 20; i++)
            await database.Seed.RunAsync(TinyRuns.Dataset, $"extra {i}", new Dictionary<string, double> { ["t0"] = i, ["t1"] = i });
        database.ResetCommandCount();
        var board = await database.Comparison.LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Test, CancellationToken.None);

        Assert.Equal(23, board.Rows.Count);
        Assert.Equal(withThreeRuns, database.CommandCount);
        Assert.True(withThreeRuns <= 4, $"{withThreeRuns} queries: data set, runs, items, guesses expected");
    }

    [Fact]
    public async Task An_unknown_data_set_is_named_in_the_error()
    {
        await using var database = await RunsDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            database.Comparison.LeaderboardAsync("nope", ReportDefinition.Test, CancellationToken.None));

        Assert.Equal("There is no data set named 'nope'.", error.Message);
    }

    [Fact]
    public async Task A_comparison_keeps_the_order_asked_for_and_reports_unknown_runs_and_runs_without_guesses()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);

        var comparison = await database.Comparison.CompareAsync(TinyRuns.Dataset, ReportDefinition.Test,
            [runs.Beta.Id, 999, runs.Alpha.Id, runs.Gamma.Id, runs.Elsewhere.Id, runs.Beta.Id], CancellationToken.None);

        Assert.Equal([runs.Beta.Id, runs.Alpha.Id], comparison.Runs.Select(r => r.Run.Id));
        Assert.Equal([runs.Gamma.Id], comparison.WithoutGuesses.Select(r => r.Id));
        Assert.Equal([999, runs.Elsewhere.Id], comparison.UnknownRunIds);
        Assert.Equal("alpha Error=$40.00 RMSLE=0.21 Hits=50.0%", comparison.Runs[1].Result.ScatterTitle);
    }

    [Fact]
    public async Task Item_by_item_says_which_run_came_closest_the_worst_items_and_where_two_runs_disagree_most()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);

        var items = (await database.Comparison.CompareAsync(TinyRuns.Dataset, ReportDefinition.Test, [runs.Alpha.Id, runs.Beta.Id], CancellationToken.None)).Items;

        // alpha 110/150/50/300 and beta 100/260/-/400 against 100/200/50/400.
        Assert.Equal(["t0", "t1", "t2", "t3"], items.Items.Select(i => i.ItemId));
        Assert.Equal([[1], [0], [0], [1]], items.Items.Select(i => i.Closest.ToArray()));
        Assert.Equal([2, 2], items.Wins);
        Assert.Equal(0, items.Ties);
        Assert.Null(items.Items[2].Guesses[1]);
        Assert.Equal(["t3", "t1", "t0", "t2"], items.Worst(0, 10).Select(i => i.ItemId));
        Assert.Equal(["t1", "t0"], items.Worst(1, 2).Select(i => i.ItemId));
        Assert.Equal([("t1", 110.0), ("t3", 100.0), ("t0", 10.0)], items.Disagreements(0, 1, 10).Select(d => (d.Item.ItemId, d.Difference)));
    }

    [Fact]
    public async Task Predictions_export_names_the_data_set_s_item_ids_split_by_split_in_order_and_unknown_runs_give_null()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var runs = await TinyRuns.SeedAsync(database.Seed);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RunStore>(database.Services);

        var exported = await store.ExportAsync(runs.Alpha.Id, CancellationToken.None);

        Assert.Equal([("v0", 1.0), ("t0", 110.0), ("t1", 150.0), ("t2", 50.0), ("t3", 300.0)], exported!);
        Assert.Null(await store.ExportAsync(12345, CancellationToken.None));
        Assert.Equal(RunKind.Llm, (await store.FindAsync(runs.Beta.Id, CancellationToken.None))!.Kind);
    }
}
