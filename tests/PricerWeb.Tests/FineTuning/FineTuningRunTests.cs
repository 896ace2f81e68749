using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Evaluation;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;
using PricerWeb.Features.FineTuning;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.HuggingFace;
using PricerWeb.Tests.Runs;

namespace PricerWeb.Tests.FineTuning;

public class FineTuningRunTests
{
    private static readonly FineTuningSettings Tiny = new()
    {
        Training = new LoraFineTuneOptions { Rank = 2, Alpha = 4, Targets = ["query", "value"], Epochs = 2, BatchSize = 1, MaxTokens = 16 },
    };

    [Fact]
    public async Task A_queued_fine_tune_reports_each_step_stores_its_guesses_in_its_run_and_lists_its_adapter()
    {
        await using var app = await RunsApp.StartAsync();
        var runs = app.Services.GetRequiredService<FineTuningRuns>();
        var catalog = app.Services.GetRequiredService<AdapterCatalog>();

        var run = await runs.StartTrainingAsync(RunsApp.Dataset, Tiny, null, "tester", default);
        var watcher = await RunWatcher.WatchAsync(await app.ConnectAsync(), run.Id);
        var finished = await FinishedAsync(app, run.Id);

        Assert.Equal("LoRA minilm r=2 query+value", finished.Name);
        await Eventually.TrueAsync(() => watcher.View.Status == RunStatus.Succeeded);
        // 2 training items, batch size 1, 2 epochs: 4 steps.
        Assert.Equal([1.0, 2.0, 3.0, 4.0], watcher.View.Series(RunSeries.BatchLoss).Select(p => p.X));
        Assert.Equal([1.0, 2.0], watcher.View.Series(RunSeries.TrainLoss).Select(p => p.X));
        Assert.Equal(2, watcher.View.Series(RunSeries.ValidationLoss).Count);
        Assert.Equal(3, watcher.View.Series(RunSeries.SamplesPerSecond).Count);
        Assert.Contains(watcher.View.Log, line => line.Contains("epoch 2: train loss", StringComparison.Ordinal));
        Assert.Equal(3, (await app.Store.PredictionsAsync(run.Id, default)).Count);
        var board = await app.Services.GetRequiredService<RunComparison>().LeaderboardAsync(RunsApp.Dataset, ReportDefinition.Test, default);
        Assert.NotNull(Assert.Single(board.Rows, r => r.Run.Id == run.Id).Metrics);

        var adapter = Assert.Single(await catalog.ListAsync(default));
        Assert.Equal((run.Id, "minilm", 2, 4.0, RunsApp.Dataset), (adapter.RunId, adapter.Base, adapter.Rank, adapter.Alpha, adapter.Dataset));
        Assert.Equal(["query", "value"], adapter.Targets);
        Assert.Equal(6 * 2 * (384 * 2 * 2) + 385, adapter.TrainableParameters);
        Assert.NotNull(adapter.ValidationError);
        Assert.False(adapter.Prices);

        var evaluation = await runs.StartEvaluationAsync("minilm", adapter.Name, RunsApp.Dataset, ReportDefinition.Validation, "tester", default);
        await FinishedAsync(app, evaluation.Id);
        var trained = await app.Store.PredictionsAsync(run.Id, default);
        var evaluated = await app.Store.PredictionsAsync(evaluation.Id, default);
        Assert.Equal(trained.Keys.Order(), evaluated.Keys.Order());
        foreach (var (item, prediction) in trained) Assert.Equal(prediction.Guess, evaluated[item].Guess, 1e-6);

        await catalog.SetPricingAdapterAsync("minilm", adapter.Name, default);
        Assert.Equal(adapter.Name, catalog.PricingAdapter("minilm"));
        Assert.True(Assert.Single(await catalog.ListAsync(default)).Prices);
        Assert.True(File.Exists(Path.Combine(catalog.Root, "minilm", AdapterCatalog.PricingFileName)));
    }

    /// <summary>Waits for the run to end (loading MiniLM on a busy machine takes a while) and requires it succeeded.</summary>
    private static async Task<PricerRun> FinishedAsync(RunsApp app, int runId)
    {
        var run = (await Eventually.MatchesAsync(() => app.Store.FindAsync(runId, default), r => r?.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled,
            TimeSpan.FromMinutes(4)))!;
        Assert.True(run.Status == RunStatus.Succeeded, $"run {runId} {run.Status}: {run.Error}");
        return run;
    }

    [Fact]
    public async Task Unknown_adapters_and_data_sets_are_refused_before_anything_is_queued()
    {
        await using var app = await RunsApp.StartAsync();
        var runs = app.Services.GetRequiredService<FineTuningRuns>();
        var catalog = app.Services.GetRequiredService<AdapterCatalog>();

        await Assert.ThrowsAsync<ArgumentException>(() => runs.StartEvaluationAsync("minilm", "../../pricer.db", RunsApp.Dataset, ReportDefinition.Test, "tester", default));
        await Assert.ThrowsAsync<ArgumentException>(() => runs.StartEvaluationAsync("minilm", "nothing", RunsApp.Dataset, ReportDefinition.Test, "tester", default));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => runs.StartTrainingAsync("no-such-set", Tiny, null, "tester", default));
        var absurd = Tiny with { Training = Tiny.Training! with { Rank = 0 } };
        Assert.Contains("rank must be between", (await Assert.ThrowsAsync<ArgumentException>(() => runs.StartTrainingAsync(RunsApp.Dataset, absurd, null, "tester", default))).Message);
        await Assert.ThrowsAsync<ArgumentException>(() => catalog.SetPricingAdapterAsync("minilm", "..", default));

        Assert.Empty(await app.Services.GetRequiredService<Pricer.Data.Runs.RunList>().RecentAsync(10, default));
        Assert.False(Directory.Exists(catalog.Root));
    }

    [Fact]
    public void Settings_round_trip_and_other_configurations_are_not_taken_for_them()
    {
        var evaluation = new FineTuningSettings { Adapter = "a", ScoreItems = 250 };

        Assert.Equal(Tiny.ToJson(), FineTuningSettings.TryFromJson(Tiny.ToJson())!.ToJson());
        Assert.Equal(evaluation.ToJson(), FineTuningSettings.TryFromJson(evaluation.ToJson())!.ToJson());
        Assert.Null(FineTuningSettings.TryFromJson("""{"base":"sentence-transformers/all-MiniLM-L6-v2","adapter_path":"/x","options":{}}"""));
        Assert.Null(FineTuningSettings.TryFromJson("""{"Job":"fine-tuning"}"""));
        Assert.Null(FineTuningSettings.TryFromJson("not json"));
        Assert.Null(FineTuningSettings.TryFromJson(new FineTuningSettings().ToJson()));
    }
}
