using System.Diagnostics;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;
using Pricer.Testing;
using Xunit.Abstractions;

namespace PricerWeb.Tests.Compare;

public class CourseDataComparisonTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Baselines_on_the_course_items_rank_on_the_leaderboard_with_the_evaluator_s_numbers_and_five_runs_compare_quickly()
    {
        SharedData.Require();
        await using var ui = new CompareUiContext();
        await ui.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest("course", SharedData.ItemsFolder), null, CancellationToken.None);
        var baselines = await ui.Services.GetRequiredService<BaselineRunner>().RunAsync(
            "course", [BaselineCatalog.Find("random"), BaselineCatalog.Find("constant")], new BaselineOptions(), "test", null, CancellationToken.None);
        var runIds = baselines.Select(r => r.Id).ToList();
        foreach (var factor in new[] { 0.8, 1.1, 1.5 })
            runIds.Add((await AddScaledRunAsync(ui, factor)).Id);

        var board = await ui.Services.GetRequiredService<RunComparison>().LeaderboardAsync("course", ReportDefinition.Course2024, CancellationToken.None);
        var evaluator = ui.Services.GetRequiredService<RunEvaluator>();
        Assert.Equal(5, board.Rows.Count);
        foreach (var row in board.Rows)
        {
            Assert.True(row.IsComplete, row.CoverageNote);
            Assert.Equal(250, row.Count);
            Assert.Equal((await evaluator.EvaluateAsync(row.Run.Id, ReportDefinition.Course2024, CancellationToken.None)).Metrics, row.Metrics);
        }
        // Guessing the truth times 1.1 errs by a tenth of each price: the mean error is a tenth of the mean price.
        var scaled = board.Rows.Single(r => r.Run.Name == "truth x 1.1");
        var firstPrices = (await ui.Services.GetRequiredService<SplitItems>().LoadAsync(1, Split.Test, CancellationToken.None)).Take(250).Average(i => i.Item.Price);
        Assert.Equal(0.1 * firstPrices, scaled.Metrics!.Error, 6);
        Assert.Equal(100, scaled.Metrics.HitsPercent);
        Assert.Equal([runIds[3], runIds[2], runIds[4], runIds[1], runIds[0]], board.Apply(new LeaderboardQuery()).Select(r => r.Run.Id));

        var watch = Stopwatch.StartNew();
        var comparison = await ui.Services.GetRequiredService<RunComparison>().CompareAsync("course", ReportDefinition.Test, runIds, CancellationToken.None);
        var query = watch.Elapsed;
        var page = ui.RenderPage($"compare?dataset=course&report=test&runs={string.Join(",", runIds)}");
        page.WaitForElement("[data-testid=item-table]", TimeSpan.FromMinutes(1));
        var rendered = watch.Elapsed - query;
        output.WriteLine($"5 runs x 2,000 test items: comparison query {query.TotalMilliseconds:F0} ms; page with leaderboard, charts and item table rendered in {rendered.TotalMilliseconds:F0} ms");

        Assert.Equal(2000, comparison.Items.Items.Count);
        Assert.All(comparison.Runs, r => Assert.True(r.Result.IsComplete));
        Assert.Equal(2000, comparison.Items.Wins.Sum() + comparison.Items.Ties);
        Assert.True(rendered < TimeSpan.FromSeconds(20), $"rendering took {rendered}");
    }

    /// <summary>A run that guesses each validation and test item's price times the factor.</summary>
    private static async Task<PricerRun> AddScaledRunAsync(CompareUiContext ui, double factor)
    {
        var splits = ui.Services.GetRequiredService<SplitItems>();
        var items = (await splits.LoadAsync(1, Split.Validation, CancellationToken.None)).Concat(await splits.LoadAsync(1, Split.Test, CancellationToken.None));
        var run = new PricerRun { DatasetId = 1, Name = $"truth x {factor}", StartedBy = "test", CodeVersion = "test", StartedAtUtc = DateTime.UtcNow };
        return await ui.Services.GetRequiredService<RunStore>().AddCompletedAsync(
            run, items.Select(i => new Prediction { ItemId = i.RowId, Guess = i.Item.Price * factor }).ToList(), CancellationToken.None);
    }
}
