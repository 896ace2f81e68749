using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Core.Training;
using Pricer.Data.Runs.Comparison;
using Microsoft.Extensions.DependencyInjection;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.Compare;
using PricerWeb.Tests.HuggingFace;

namespace PricerWeb.Tests.Runs;

public class TrainingRunTests
{
    [Fact]
    public async Task A_queued_training_run_trains_live_and_lands_on_the_leaderboard_with_its_predictions()
    {
        await using var app = await RunsApp.StartAsync();
        var items = Enumerable.Range(1, 24).Select(i => new TestItem($"tr{i}", Split.Train, 10 + 5 * i, Title: $"Widget model {i % 5} size {i}"))
            .Concat(Enumerable.Range(1, 4).Select(i => new TestItem($"va{i}", Split.Validation, 20 * i)))
            .Concat(Enumerable.Range(1, 4).Select(i => TestItem.Test($"te{i}", 30 * i)))
            .ToArray();
        await new RunSeeder(app.Services).DatasetAsync("training-fixture", items);
        var settings = TrainingPresets.Seed with { Epochs = 2, BatchSize = 8, ValidateOnValidationSplit = true, Device = DeviceChoice.Cpu };

        var run = await app.Services.GetRequiredService<TrainingRuns>().StartAsync("training-fixture", settings, "tiny seed", "tester", default);
        var watcher = await RunWatcher.WatchAsync(await app.ConnectAsync(), run.Id);
        await app.WaitForStatusAsync(run.Id, RunStatus.Succeeded);

        await Eventually.TrueAsync(() => watcher.Status == RunStatus.Succeeded);
        Assert.Equal([1.0, 2.0], watcher.Series(RunSeries.TrainLoss).Select(p => p.X));
        Assert.Equal(2, watcher.Series(RunSeries.ValidationLoss).Count);
        Assert.NotEmpty(watcher.Series(RunSeries.BatchLoss));
        Assert.Contains(watcher.Log, line => line.Contains("Epoch 2 of 2"));
        Assert.Equal(8, (await app.Store.PredictionsAsync(run.Id, default)).Count);

        var board = await app.Services.GetRequiredService<RunComparison>().LeaderboardAsync("training-fixture", ReportDefinition.Test, default);
        var row = Assert.Single(board.Rows, r => r.Run.Id == run.Id);
        Assert.NotNull(row.Metrics);
        Assert.Equal(TrainingSettings.FromJson(row.Run.Configuration), settings);
    }
}
