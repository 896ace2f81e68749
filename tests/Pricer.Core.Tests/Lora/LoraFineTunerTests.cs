using Pricer.Core.Items;
using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using Pricer.Core.Tests.Pricers;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

/// <summary>Tiny LoRA fine-tunes of the real MiniLM: the loss goes down and the saved pricer prices alike after loading.</summary>
public class LoraFineTunerTests
{
    private static readonly Lazy<BertModel> Encoder = new(MiniLmWeights.LoadPretrained);
    private static readonly LoraFineTuneOptions Tiny = new() { Epochs = 1, BatchSize = 4, MaxTokens = 32, LearningRate = 5e-3, Dropout = 0 };

    [Fact]
    public void Fixture_items_fine_tune_lowers_the_loss_and_the_pricer_round_trips()
    {
        var items = JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));
        var train = Enumerable.Repeat(items, 4).SelectMany(i => i).ToList();
        using var folder = new TempFolder();

        var result = TrainAndCheckLossFalls(train, items, Tiny with { Epochs = 3 });
        var before = result.Pricer.Price([.. items.Select(i => i.Text)]);
        result.Pricer.Save(folder.Path);
        result.Pricer.Dispose();

        using var loaded = LoraPricer.Load(Encoder.Value, folder.Path);
        var after = loaded.Price([.. items.Select(i => i.Text)]);

        Assert.Equal(before, after);
        Assert.Equal(["query", "value"], PeftAdapterFormat.ReadConfig(Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName)).TargetModules);
        Assert.True(File.Exists(Path.Combine(folder.Path, PeftAdapterFormat.WeightsFileName)));
    }

    [Fact]
    public void Top_layer_fine_tune_on_cached_states_lowers_the_loss_and_round_trips_with_its_layers_and_calibration()
    {
        var items = JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));
        var train = Enumerable.Repeat(items, 4).SelectMany(i => i).ToList();
        using var folder = new TempFolder();
        var progress = new RecordingProgress();

        var result = TrainAndCheckLossFalls(train, items,
            Tiny with { Epochs = 3, LayersToTransform = [5], HeadLearningRate = 1e-2, RawPriceLossWeight = 0.5, MeanCalibration = true }, progress);
        var before = result.Pricer.Price([.. items.Select(i => i.Text)]);
        var scale = result.Pricer.Scale;
        result.Pricer.Save(folder.Path);
        result.Pricer.Dispose();
        using var loaded = LoraPricer.Load(Encoder.Value, folder.Path);

        Assert.Contains(progress.Lines, l => l.Contains("cached the frozen states entering layer 5", StringComparison.Ordinal));
        Assert.Equal(result.Epochs[^1].ValidationLoss * scale.Std * scale.Std, scale.LogVariance, 1e-9);
        Assert.Equal(scale, loaded.Scale);
        Assert.Equal(before, loaded.Price([.. items.Select(i => i.Text)]));
        Assert.Equal([5], PeftAdapterFormat.ReadConfig(Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName)).LayersToTransform!);
        // r 8 on query and value of one layer: 2 x (384x8 + 8x384), plus the head's 385.
        Assert.Equal(2 * 6144 + 385, loaded.Parameters.TrainableParameters);
    }

    [Fact]
    public void Mean_calibration_prices_the_median_times_exp_of_half_the_log_variance()
    {
        var median = new PriceScale(3, 1.5);
        var mean = median.WithHeldOutError(0.2);

        Assert.Equal(0.2 * 1.5 * 1.5, mean.LogVariance, 1e-12);
        Assert.Equal((median.ToPrice(0.4) + 1) * Math.Exp(mean.LogVariance / 2), mean.ToPrice(0.4) + 1, 1e-9);
        Assert.Equal(median.ToTarget(50), mean.ToTarget(50));
    }

    [SkippableFact]
    public void Real_items_fine_tune_of_the_top_layers_lowers_the_validation_loss()
    {
        SharedData.Require();
        var train = CourseData.Train.Take(48).ToList();

        using var result = new DisposablePricer(TrainAndCheckLossFalls(train, train, Tiny with { LayersToTransform = [4, 5], HeadLearningRate = 1e-2 }));

        Assert.Equal(2 * 2 * 6144 + 385, result.Value.Parameters.TrainableParameters);
    }

    [SkippableFact]
    public void Real_items_fine_tune_lowers_the_validation_loss()
    {
        SharedData.Require();
        var train = CourseData.Train.Take(32).ToList();

        using var result = new DisposablePricer(TrainAndCheckLossFalls(train, train, Tiny with { Targets = ["query", "value", "dense"] }));

        // 6 layers x (q, v: 384x8 + 8x384; attention output 8x384 x2; intermediate 384x8 + 8x1536; output 1536x8 + 8x384) + head 385.
        Assert.Equal(6 * (2 * 6144 + 6144 + 15360 + 15360) + 385, result.Value.Parameters.TrainableParameters);
        Assert.StartsWith("trainable params: ", result.Value.Parameters.ToString());
    }

    [Fact]
    public void Bad_options_are_refused_before_any_training()
    {
        var items = JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));
        Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items, [], Tiny with { Targets = ["q_proj"] }, null, default));
        Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items, [], Tiny with { LearningRate = -1 }, null, default));
        Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items.Take(1).ToList(), [], Tiny, null, default));
        Assert.Contains("layers 0 to 5", Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items, [], Tiny with { LayersToTransform = [6] }, null, default)).Message);
        Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items, [], Tiny with { HeadLearningRate = 0 }, null, default));
        Assert.Throws<ArgumentException>(() => LoraFineTuner.Train(Encoder.Value, items, [], Tiny with { RawPriceLossWeight = -1 }, null, default));
    }

    [Fact]
    public void Progress_that_also_takes_steps_and_epochs_gets_every_step_loss_and_every_epoch()
    {
        var items = JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));
        var progress = new RecordingProgress();

        using var _ = new DisposablePricer(LoraFineTuner.Train(Encoder.Value, items, items, Tiny with { Epochs = 2, BatchSize = 2 }, progress, default));

        // 5 items in batches of 2: 3 steps an epoch.
        Assert.Equal([(1, 1), (1, 2), (1, 3), (2, 4), (2, 5), (2, 6)], progress.Steps.Select(s => (s.Epoch, s.Step)));
        Assert.All(progress.Steps, s => Assert.True(s.TotalSteps == 6 && double.IsFinite(s.Loss) && s.Loss >= 0));
        Assert.Equal([1, 2], progress.Epochs.Select(e => e.Epoch));
        Assert.Contains(progress.Lines, line => line.StartsWith("epoch 2: train loss", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_schedule_sets_the_learning_rate_of_every_step()
    {
        var options = Tiny with { LearningRate = 0.01 };

        Assert.Equal([0.01, 0.0075, 0.005, 0.0025], Enumerable.Range(0, 4).Select(step => Math.Round(options.LearningRateAt(step, 4), 10)));
        Assert.Equal([0.01, 0.005, 0], Enumerable.Range(0, 3).Select(step => Math.Round((options with { Schedule = LoraSchedule.Cosine }).LearningRateAt(step * 2, 4), 10)));
        Assert.All(Enumerable.Range(0, 4), step => Assert.Equal(0.01, (options with { Schedule = LoraSchedule.Constant }).LearningRateAt(step, 4)));
        Assert.Throws<ArgumentException>(() => (options with { Schedule = (LoraSchedule)7 }).Validate());
        Assert.Equal([0.1, 0.05, 0], Enumerable.Range(0, 3).Select(step => Math.Round((options with { Schedule = LoraSchedule.Cosine, HeadLearningRate = 0.1 }).HeadLearningRateAt(step * 2, 4), 10)));
        Assert.Equal(0.0075, options.HeadLearningRateAt(1, 4), 10);
    }

    private sealed class RecordingProgress : IProgress<string>, IProgress<LoraStep>, IProgress<LoraEpoch>
    {
        public List<string> Lines { get; } = [];
        public List<LoraStep> Steps { get; } = [];
        public List<LoraEpoch> Epochs { get; } = [];

        public void Report(string value) => Lines.Add(value);
        public void Report(LoraStep value) => Steps.Add(value);
        public void Report(LoraEpoch value) => Epochs.Add(value);
    }

    private static LoraFineTuneResult TrainAndCheckLossFalls(IReadOnlyList<Item> train, IReadOnlyList<Item> check, LoraFineTuneOptions options, IProgress<string>? progress = null)
    {
        var encoder = Encoder.Value;
        manual_seed(options.Seed);
        double untrained;
        using (var fresh = LoraPricer.Create(encoder, options.ToLoraConfig(), PriceScale.Fit(train.Select(i => i.Price)), options.MaxTokens))
            untrained = LoraFineTuner.ValidationLoss(fresh, check, default);

        var result = LoraFineTuner.Train(encoder, train, check, options, progress, default);

        Assert.True(result.Epochs[^1].ValidationLoss < untrained, $"loss went {untrained} -> {result.Epochs[^1].ValidationLoss}");
        Assert.Equal(options.Epochs, result.Epochs.Count);
        Assert.True(result.PeakMemoryBytes > 0);
        return result;
    }

    private sealed class DisposablePricer(LoraFineTuneResult result) : IDisposable
    {
        public LoraPricer Value => result.Pricer;

        public void Dispose() => result.Pricer.Dispose();
    }
}
