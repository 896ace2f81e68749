using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Runs;
using Pricer.Testing;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Runs;

public class BaselineRunnerTests
{
    [Fact]
    public async Task Stores_each_baseline_as_a_run_with_a_guess_for_every_validation_and_test_item()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var imported = await database.ImportAsync("sample", Path.Combine(SharedData.Fixtures, "items", "sample"));
        var trainers = new[] { BaselineCatalog.Find("constant"), BaselineCatalog.Find("random") };

        var runs = await database.Get<BaselineRunner>().RunAsync("sample", trainers, new BaselineOptions(), "ci", null, CancellationToken.None);

        Assert.Equal(["constant", "random"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal(RunKind.Baseline, r.Kind));
        await using var db = database.NewContext();
        foreach (var run in runs)
            Assert.Equal(imported.Validation + imported.Test, await db.Predictions.CountAsync(p => p.RunId == run.Id));
        var constantGuesses = await db.Predictions.Where(p => p.RunId == runs[0].Id).Select(p => p.Guess).Distinct().ToListAsync();
        var trainMean = await db.Items.Where(i => i.Split == Pricer.Core.Items.Split.Train).AverageAsync(i => i.Price);
        Assert.Equal(trainMean, Assert.Single(constantGuesses), 9);
    }

    [SkippableFact]
    public async Task A_learned_baseline_beats_the_constant_on_the_course_report()
    {
        SharedData.Require();
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("course", SharedData.ItemsFolder);
        var trainers = new[] { BaselineCatalog.Find("constant"), BaselineCatalog.Find("gradient-boosting") };

        var runs = await database.Get<BaselineRunner>().RunAsync("course", trainers, new BaselineOptions(), "ci", null, CancellationToken.None);
        var evaluator = database.Get<RunEvaluator>();
        var constant = await evaluator.EvaluateAsync(runs[0].Id, ReportDefinition.Course2024, CancellationToken.None);
        var boosted = await evaluator.EvaluateAsync(runs[1].Id, ReportDefinition.Course2024, CancellationToken.None);

        Assert.Equal(250, constant.Metrics.Count);
        Assert.True(boosted.Metrics.Error < constant.Metrics.Error, $"{boosted.ScatterTitle} vs {constant.ScatterTitle}");
    }
}
