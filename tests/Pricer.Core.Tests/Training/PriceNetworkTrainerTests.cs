using Pricer.Core.Training;
using Pricer.Testing;

namespace Pricer.Core.Tests.Training;

public class PriceNetworkTrainerTests
{
    [Fact]
    public void Training_loss_falls_epoch_by_epoch_on_the_fixture()
    {
        // The fixture's price is set by the word "deluxe", which the hashed features carry; at this rate and batch
        // the 54 training items' loss falls every epoch (1.01, 0.93, 0.87, 0.75, 0.57, 0.45 here): runs are deterministic.
        var settings = TrainingItems.Small(epochs: 6) with { ValidationFraction = 0.1, LearningRate = 1e-2, BatchSize = 8 };
        var progress = new RecordingProgress();
        using var result = Dispose(new PriceNetworkTrainer(settings).Train(TrainingItems.FixtureSet(), null, null, progress, CancellationToken.None));

        var epochs = progress.Reports.Where(r => r.Stage == TrainingStage.Epoch).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], epochs.Select(e => e.Epoch));
        var losses = epochs.Select(e => e.TrainLoss!.Value).ToList();
        Assert.All(losses.Zip(losses.Skip(1)), pair => Assert.True(pair.Second < pair.First, string.Join(", ", losses)));
        Assert.True(losses[^1] < losses[0] * 0.6, string.Join(", ", losses));
        Assert.All(epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.All(epochs, e => Assert.True(e.SamplesPerSecond > 0 && e.PeakMemoryBytes > 0));
        Assert.Equal("cpu", result.Value.Device);
        Assert.Equal(TrainingStage.Finished, progress.Reports[^1].Stage);
        Assert.Contains(progress.Reports, r => r.Stage == TrainingStage.Batch && r.BatchLoss is not null && r.Remaining is not null);
    }

    [SkippableFact]
    public void Training_loss_falls_epoch_by_epoch_on_real_items()
    {
        SharedData.Require();
        var settings = TrainingItems.Small(epochs: 4) with { ValidationFraction = 0.1 };
        var progress = new RecordingProgress();
        using var result = Dispose(new PriceNetworkTrainer(settings).Train(TrainingItems.Set(400), null, null, progress, CancellationToken.None));

        var epochs = progress.Reports.Where(r => r.Stage == TrainingStage.Epoch).ToList();
        Assert.Equal([1, 2, 3, 4], epochs.Select(e => e.Epoch));
        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss * 0.8, string.Join(", ", epochs.Select(e => e.TrainLoss)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Resuming_from_the_last_checkpoint_gives_the_weights_of_an_uninterrupted_run(int stopAfter, bool residual)
    {
        using var folder = new TempFolder();
        var settings = ResumableSettings(residual);
        var data = TrainingItems.FixtureSet();

        using var whole = Dispose(new PriceNetworkTrainer(settings).Train(data, null, null, null, CancellationToken.None));

        using var stop = new CancellationTokenSource();
        var interrupted = new RecordingProgress(r => { if (r.Stage == TrainingStage.Epoch && r.Epoch == stopAfter) stop.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => new PriceNetworkTrainer(settings).Train(data, null, folder.Path, interrupted, stop.Token));
        Assert.Equal(stopAfter, new TrainingCheckpoint(folder.Path).ReadState().Epoch);

        var resumedProgress = new RecordingProgress();
        using var resumed = Dispose(new PriceNetworkTrainer(settings).Train(data, null, folder.Path, resumedProgress, CancellationToken.None));

        Assert.Equal(Enumerable.Range(stopAfter + 1, 3 - stopAfter), resumedProgress.Reports.Where(r => r.Stage == TrainingStage.Epoch).Select(r => r.Epoch));
        Assert.Equal(whole.Value.History, resumed.Value.History);
        AssertSameWeights(whole.Value, resumed.Value);
    }

    [Fact]
    public async Task Other_torch_work_in_the_process_does_not_change_a_runs_weights()
    {
        var settings = ResumableSettings(residual: false);
        var data = TrainingItems.FixtureSet();
        using var alone = Dispose(new PriceNetworkTrainer(settings).Train(data, null, null, null, CancellationToken.None));

        // Draws from torch's process-wide generator all the while the second run trains, as a LoRA job or a test would.
        using var stop = new CancellationTokenSource();
        var drawing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var draws = 0;
        var noise = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var drawn = TorchSharp.torch.rand(64);
                draws++;
                drawing.TrySetResult();
            }
        });
        await drawing.Task.WaitAsync(TimeSpan.FromMinutes(1));
        using var beside = Dispose(new PriceNetworkTrainer(settings).Train(data, null, null, null, CancellationToken.None));
        await stop.CancelAsync();
        await noise;

        Assert.True(draws > 0);
        AssertSameWeights(alone.Value, beside.Value);
    }

    /// <summary>Everything that carries state across epochs: dropout, AdamW's moments, a warmed-up cosine schedule, clipping.</summary>
    private static TrainingSettings ResumableSettings(bool residual) => TrainingItems.Small(epochs: 3) with
    {
        Network = residual ? new NetworkSettings { HiddenSizes = [32, 32], Residual = true, Dropout = 0.2 } : new NetworkSettings { HiddenSizes = [32, 16], Dropout = 0.2 },
        Optimizer = OptimizerKind.AdamW,
        WeightDecay = 0.01,
        CosineSchedule = true,
        WarmupFraction = 0.1,
        GradientClip = 1.0,
    };

    private static void AssertSameWeights(TrainingResult expected, TrainingResult actual)
    {
        var want = expected.Network.Network.state_dict();
        var got = actual.Network.Network.state_dict();
        Assert.Equal(want.Keys, got.Keys);
        foreach (var (name, tensor) in want) Assert.True(tensor.equal(got[name]).all().item<bool>(), $"{name} differs");
    }

    [Fact]
    public void Cancelling_stops_within_a_batch()
    {
        using var stop = new CancellationTokenSource();
        var progress = new RecordingProgress(r => { if (r is { Stage: TrainingStage.Batch, Batch: 3 }) stop.Cancel(); });
        var trainer = new PriceNetworkTrainer(TrainingItems.Small(epochs: 5)) { ReportInterval = TimeSpan.Zero };

        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Train(TrainingItems.Set(400), null, null, progress, stop.Token));

        var batches = progress.Reports.Where(r => r.Stage == TrainingStage.Batch).ToList();
        Assert.Equal(3, batches[^1].Batch);
        Assert.Equal(1, batches[^1].Epoch);
        Assert.DoesNotContain(progress.Reports, r => r.Stage is TrainingStage.Epoch or TrainingStage.Finished);
    }

    [Fact]
    public void A_diverging_run_fails_loudly()
    {
        var settings = TrainingItems.Small(epochs: 3) with { Target = TargetKind.Raw, Optimizer = OptimizerKind.Sgd, LearningRate = 10 };
        var error = Assert.Throws<TrainingFailedException>(() => new PriceNetworkTrainer(settings).Train(TrainingItems.Set(200), null, null, null, CancellationToken.None));
        Assert.Contains("learning rate", error.Message);
    }

    [Fact]
    public void A_checkpoint_from_other_settings_is_not_resumed()
    {
        using var folder = new TempFolder();
        var data = TrainingItems.Set(100);
        using var first = Dispose(new PriceNetworkTrainer(TrainingItems.Small(epochs: 1)).Train(data, null, folder.Path, null, CancellationToken.None));
        var other = TrainingItems.Small(epochs: 2) with { LearningRate = 0.01 };
        var error = Assert.Throws<TrainingFailedException>(() => new PriceNetworkTrainer(other).Train(data, null, folder.Path, null, CancellationToken.None));
        Assert.Contains("other settings", error.Message);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch()
    {
        var settings = TrainingItems.Small(epochs: 30) with { LearningRate = 0.05, EarlyStoppingPatience = 1, ValidationFraction = 0.2 };
        using var result = Dispose(new PriceNetworkTrainer(settings).Train(TrainingItems.Set(200), null, null, null, CancellationToken.None));
        var best = result.Value.History.Min(h => h.ValidationLoss!.Value);
        Assert.Equal(best, result.Value.ValidationLoss);
        Assert.True(result.Value.StoppedEarly);
        Assert.True(result.Value.EpochsTrained < 30);
    }

    private static Owned Dispose(TrainingResult result) => new(result);

    private sealed class Owned(TrainingResult value) : IDisposable
    {
        public TrainingResult Value { get; } = value;

        public void Dispose() => Value.Network.Dispose();
    }
}
