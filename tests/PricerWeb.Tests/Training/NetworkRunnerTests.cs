using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;
using Pricer.Core.Training;
using Pricer.Data.Runs;
using Pricer.Data.Training;
using Pricer.Testing;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Training;

public class NetworkRunnerTests
{
    private static readonly TrainingSettings Small = new()
    {
        Network = new NetworkSettings { HiddenSizes = [16, 8] },
        Target = TargetKind.Log,
        Epochs = 2,
        BatchSize = 8,
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public async Task Completes_a_queued_run_with_its_settings_and_a_guess_for_every_validation_and_test_item()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var imported = await database.ImportAsync("fixture", Path.Combine(SharedData.Fixtures, "training", "items.jsonl"));
        int runId;
        await using (var db = database.NewContext())
        {
            var queued = new PricerRun { DatasetId = (await db.Datasets.SingleAsync()).Id, Kind = RunKind.NeuralNetwork, Name = "queued", StartedBy = "ci", CodeVersion = "test", Status = RunStatus.Queued };
            db.Runs.Add(queued);
            await db.SaveChangesAsync();
            runId = queued.Id;
        }
        var progress = new List<TrainingProgress>();
        var runner = database.Get<NetworkRunner>();

        using var result = await runner.RunAsync(new NetworkRunRequest { Dataset = "fixture", Settings = Small, RunId = runId }, new SyncProgress(progress.Add), CancellationToken.None);

        Assert.Equal(runId, result.Run.Id);
        await using var check = database.NewContext();
        var stored = await check.Runs.SingleAsync(r => r.Id == runId);
        Assert.Equal(RunStatus.Succeeded, stored.Status);
        Assert.Equal(Small, TrainingSettings.FromJson(stored.Configuration));
        Assert.Equal(imported.Validation + imported.Test, await check.Predictions.CountAsync(p => p.RunId == runId));
        Assert.Equal(2, progress.Count(p => p.Stage == TrainingStage.Epoch));
        Assert.Equal(runner.ModelFolder(runId), result.ModelFolder);
        using var reloaded = PriceNetworkPredictor.Load(result.ModelFolder, device: DeviceChoice.Cpu);
        var guesses = await check.Predictions.Where(p => p.RunId == runId).OrderBy(p => p.ItemId).Select(p => p.Guess).ToListAsync();
        Assert.All(guesses, g => Assert.True(double.IsFinite(g) && g >= 0));
    }

    [Fact]
    public async Task A_failing_run_throws_and_stores_nothing()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("fixture", Path.Combine(SharedData.Fixtures, "training", "items.jsonl"));
        // The CPU build's libtorch sees no CUDA device, so asking for one fails before the first batch.
        var onCuda = Small with { Device = DeviceChoice.Cuda };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            database.Get<NetworkRunner>().RunAsync(new NetworkRunRequest { Dataset = "fixture", Settings = onCuda }, null, CancellationToken.None));
        Assert.Contains("CUDA", error.Message);

        await using var db = database.NewContext();
        Assert.Equal(0, await db.Runs.CountAsync());
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
