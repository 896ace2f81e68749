using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;
using Xunit.Abstractions;

namespace PricerWeb.Tests.Compare;

public class CourseDataComparisonTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Baselines_on_the_course_items_rank_on_the_leaderboard_with_the_evaluator_s_numbers_and_five_runs_compare_quickly()
    {
        SharedData.Require();
        using var app = new PricerAppFactory();
        using var client = app.CreateClient();
        var services = app.Services;
        await services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest("course", SharedData.ItemsFolder), null, CancellationToken.None);
        var baselines = await services.GetRequiredService<BaselineRunner>().RunAsync(
            "course", [BaselineCatalog.Find("random"), BaselineCatalog.Find("constant")], new BaselineOptions(), "test", null, CancellationToken.None);
        var runIds = baselines.Select(r => r.Id).ToList();
        foreach (var factor in new[] { 0.8, 1.1, 1.5 })
            runIds.Add((await AddScaledRunAsync(services, factor)).Id);

        var board = await services.GetRequiredService<RunComparison>().LeaderboardAsync("course", ReportDefinition.Course2024, CancellationToken.None);
        var evaluator = services.GetRequiredService<RunEvaluator>();
        Assert.Equal(5, board.Rows.Count);
        foreach (var row in board.Rows)
        {
            Assert.True(row.IsComplete, row.CoverageNote);
            Assert.Equal(250, row.Count);
            Assert.Equal((await evaluator.EvaluateAsync(row.Run.Id, ReportDefinition.Course2024, CancellationToken.None)).Metrics, row.Metrics);
        }
        // Guessing the truth times 1.1 errs by a tenth of each price: the mean error is a tenth of the mean price.
        var scaled = board.Rows.Single(r => r.Run.Name == "truth x 1.1");
        var firstPrices = (await services.GetRequiredService<SplitItems>().LoadAsync(1, Split.Test, CancellationToken.None)).Take(250).Average(i => i.Item.Price);
        Assert.Equal(0.1 * firstPrices, scaled.Metrics!.Error, 6);
        Assert.Equal(100, scaled.Metrics.HitsPercent);
        Assert.Equal([runIds[3], runIds[2], runIds[4], runIds[1], runIds[0]], board.Apply(new LeaderboardQuery()).Select(r => r.Run.Id));

        // The server renders the whole page (leaderboard, comparison, chart data, item table) before it answers.
        // The first call also compiles queries and components, so the second is the one that shows the steady cost.
        var address = $"/compare?dataset=course&report=test&runs={string.Join(",", runIds)}";
        var comparisons = services.GetRequiredService<RunComparison>();
        var (firstQuery, comparison) = await TimeAsync(() => comparisons.CompareAsync("course", ReportDefinition.Test, runIds, CancellationToken.None));
        var (query, _) = await TimeAsync(() => comparisons.CompareAsync("course", ReportDefinition.Test, runIds, CancellationToken.None));
        var (firstPage, html) = await TimeAsync(() => client.GetStringAsync(address));
        var (page, _) = await TimeAsync(() => client.GetStringAsync(address));
        output.WriteLine($"5 runs x 2,000 test items: comparison query {query.TotalMilliseconds:F0} ms (first {firstQuery.TotalMilliseconds:F0} ms); " +
            $"whole page rendered by the server {page.TotalMilliseconds:F0} ms (first {firstPage.TotalMilliseconds:F0} ms)");
        Assert.Contains("data-testid=\"item-table\"", html);
        Assert.Contains("Comparing 5 run(s)", html);

        Assert.Equal(2000, comparison.Items.Items.Count);
        Assert.All(comparison.Runs, r => Assert.True(r.Result.IsComplete));
        Assert.Equal(2000, comparison.Items.Wins.Sum() + comparison.Items.Ties);
    }

    private static async Task<(TimeSpan Elapsed, T Result)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (watch.Elapsed, result);
    }

    /// <summary>A run that guesses each validation and test item's price times the factor.</summary>
    private static async Task<PricerRun> AddScaledRunAsync(IServiceProvider services, double factor)
    {
        var splits = services.GetRequiredService<SplitItems>();
        var items = (await splits.LoadAsync(1, Split.Validation, CancellationToken.None)).Concat(await splits.LoadAsync(1, Split.Test, CancellationToken.None));
        var run = new PricerRun { DatasetId = 1, Name = $"truth x {factor}", StartedBy = "test", CodeVersion = "test", StartedAtUtc = DateTime.UtcNow };
        return await services.GetRequiredService<RunStore>().AddCompletedAsync(
            run, items.Select(i => new Prediction { ItemId = i.RowId, Guess = i.Item.Price * factor }).ToList(), CancellationToken.None);
    }
}
