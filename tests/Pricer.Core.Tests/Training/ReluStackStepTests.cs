using Pricer.Core.Training;
using Pricer.Core.Training.Cpu;
using Pricer.Testing;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Training;

/// <summary>The CPU's hand-written step against torch's autograd and optimizers, from the same weights on the same batches.</summary>
public class ReluStackStepTests
{
    private const double LearningRate = 1e-3;

    public static TheoryData<string> Configurations => ["seed", "adamw-cosine-clip-dropout-huber", "adam-l2-l1"];

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Steps_give_the_parameters_and_moments_of_torchs_autograd_and_optimizer(string configuration)
    {
        var settings = Configuration(configuration);
        var data = TrainingItems.FixtureSet();
        using var torchRun = new Run(settings);
        using var fastRun = new Run(settings);
        var fast = ReluStackStep.Create(settings, fastRun.Network, fastRun.Optimizer, fastRun.DropoutRandom)!;
        Assert.NotNull(fast);
        torchRun.Network.train();

        const int steps = 30;
        for (var step = 0; step < steps; step++)
        {
            var rows = Enumerable.Range(0, settings.BatchSize).Select(i => (step * 7 + i * 5) % data.Count).ToArray();
            var targets = rows.Select(r => MathF.Log(1 + data.Prices[r])).ToArray();
            if (settings.CosineSchedule)
            {
                var rate = LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / steps));
                foreach (var group in torchRun.Optimizer.ParamGroups.Concat(fastRun.Optimizer.ParamGroups)) group.LearningRate = rate;
            }
            var expected = TorchStep(settings, torchRun, data, rows, targets);
            var actual = fast.Step(data.Features, rows, targets);
            Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Abs(expected) + 1e-7, $"step {step}: loss {actual}, torch {expected}");
        }

        // Adam's steps are at most about the learning rate each; the paths differ only in float summation order.
        var tolerance = 1e-2 * LearningRate;
        foreach (var ((name, want), (_, got)) in torchRun.Network.named_parameters().Zip(fastRun.Network.named_parameters()))
        {
            Assert.True(want.allclose(got, rtol: 1e-5, atol: tolerance), $"{name} differs by up to {(want - got).abs().max().item<float>()}");
            using var initial = Initial(settings, name);
            Assert.False(want.allclose(initial, rtol: 0, atol: 0), $"{name} did not move");
        }
        var wantStates = ((OptimizerHelper)torchRun.Optimizer).state_dict().State;
        var gotStates = ((OptimizerHelper)fastRun.Optimizer).state_dict().State;
        Assert.Equal(wantStates.Count, gotStates.Count);
        foreach (var (want, got) in wantStates.Zip(gotStates)) Assert.True(Moments(want).Step == Moments(got).Step && Moments(want).Average.allclose(Moments(got).Average, rtol: 1e-4, atol: 1e-6));
    }

    [SkippableFact]
    public void The_fast_path_trains_the_seed_network_on_real_items_as_the_torch_path_does()
    {
        SharedData.Require();
        var settings = TrainingPresets.Seed with { Epochs = 3, Target = TargetKind.Log, LearningRate = 3e-3, BatchSize = 32, Device = DeviceChoice.Cpu };
        var data = TrainingItems.Set(640);
        using var torchResult = new PriceNetworkTrainer(settings) { CpuFastPath = false }.Train(data, null, null, null, CancellationToken.None).Network;
        var fastProgress = new RecordingProgress();
        using var fastResult = new PriceNetworkTrainer(settings).Train(data, null, null, fastProgress, CancellationToken.None).Network;

        var losses = fastProgress.Reports.Where(r => r.Stage == TrainingStage.Epoch).Select(r => r.TrainLoss!.Value).ToList();
        Assert.True(losses[^1] < losses[0] * 0.9, string.Join(", ", losses));
        foreach (var ((name, want), (_, got)) in torchResult.Network.named_parameters().Zip(fastResult.Network.named_parameters()))
            AssertClose(want, got, name, settings.LearningRate);
    }

    [Fact]
    public void A_whole_run_through_the_trainer_gives_the_weights_of_the_torch_path()
    {
        var settings = TrainingItems.Small(epochs: 3) with
        {
            Network = new NetworkSettings { HiddenSizes = [32, 16], Dropout = 0.2 },
            Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01, CosineSchedule = true, WarmupFraction = 0.1, GradientClip = 1.0,
        };
        var data = TrainingItems.FixtureSet();
        using var torchResult = new PriceNetworkTrainer(settings) { CpuFastPath = false }.Train(data, null, null, null, CancellationToken.None).Network;
        using var fastResult = new PriceNetworkTrainer(settings).Train(data, null, null, null, CancellationToken.None).Network;
        foreach (var ((name, want), (_, got)) in torchResult.Network.named_parameters().Zip(fastResult.Network.named_parameters()))
            AssertClose(want, got, name, settings.LearningRate);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.05)]
    [InlineData(OptimizerKind.AdamW, 0.05)]
    public void CpuAdam_steps_torch_gradients_as_torchs_optimizer_does(OptimizerKind kind, double weightDecay)
    {
        using var random = new Generator(3, CPU);
        using var start = rand([300_000], generator: random).sub_(0.5);
        using var expected = new Parameter(start.clone());
        using var actual = new Parameter(start.clone());
        using var torchOptimizer = Optimizer(kind, expected, weightDecay);
        using var cpuOptimizer = Optimizer(kind, actual, weightDecay);
        var cpuAdam = CpuAdam.Over(cpuOptimizer, [actual])!;
        Assert.NotNull(cpuAdam);
        for (var step = 0; step < 10; step++)
        {
            using var gradient = randn([300_000], generator: random);
            // Some zero gradients, as an embedding's untouched rows have.
            gradient.narrow(0, 0, 1000).zero_();
            expected.grad = gradient.clone();
            actual.grad = gradient.clone();
            foreach (var group in torchOptimizer.ParamGroups.Concat(cpuOptimizer.ParamGroups)) group.LearningRate = LearningRate * (1 + step);
            torchOptimizer.step();
            cpuAdam.StepFromTorchGradients();
        }
        Assert.True(expected.allclose(actual, rtol: 1e-5, atol: 1e-3 * LearningRate), $"differs by up to {(expected - actual).abs().max().item<float>()}");
    }

    /// <summary>
    /// Within a tenth of one Adam step (about the learning rate): over a whole run, Adam's division by the gradient's
    /// running size amplifies the paths' differences in float summation order (0.03 of a step after 60 seed steps).
    /// </summary>
    private static void AssertClose(Tensor want, Tensor got, string name, double learningRate) =>
        Assert.True(want.allclose(got, rtol: 1e-4, atol: 0.1 * learningRate), $"{name} differs by up to {(want - got).abs().max().item<float>()}");

    private static optim.Optimizer Optimizer(OptimizerKind kind, Parameter parameter, double weightDecay) => kind == OptimizerKind.AdamW
        ? optim.AdamW([parameter], LearningRate, weight_decay: weightDecay)
        : optim.Adam([parameter], LearningRate, weight_decay: weightDecay);

    private static float TorchStep(TrainingSettings settings, Run run, TrainingSet data, int[] rows, float[] targets)
    {
        using var scope = NewDisposeScope();
        using var batch = SparseBatch.From(data.Features, rows, false, CPU);
        var expected = tensor(targets, [rows.Length, 1]);
        run.Optimizer.zero_grad();
        var output = run.Network.forward(batch);
        var loss = settings.Loss switch
        {
            LossKind.L1 => nn.functional.l1_loss(output, expected),
            LossKind.Huber => nn.functional.huber_loss(output, expected, settings.HuberDelta),
            _ => nn.functional.mse_loss(output, expected),
        };
        loss.backward();
        if (settings.GradientClip is { } clip) nn.utils.clip_grad_norm_(run.Network.parameters(), clip);
        run.Optimizer.step();
        return loss.item<float>();
    }

    private static TrainingSettings Configuration(string name) => name switch
    {
        "seed" => TrainingPresets.Seed with { BatchSize = 16 },
        "adamw-cosine-clip-dropout-huber" => TrainingPresets.Seed with
        {
            Network = new NetworkSettings { HiddenSizes = [64, 32, 32], Dropout = 0.2 },
            Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01, CosineSchedule = true, GradientClip = 0.5, Loss = LossKind.Huber, HuberDelta = 0.5, BatchSize = 16,
        },
        _ => TrainingPresets.Seed with { Network = new NetworkSettings { HiddenSizes = [48, 24] }, WeightDecay = 0.01, Loss = LossKind.L1, BatchSize = 12 },
    };

    private static Tensor Initial(TrainingSettings settings, string name)
    {
        using var random = new Generator(11, CPU);
        using var network = new PriceNetwork(settings.Network, random);
        return network.named_parameters().Single(p => p.name == name).parameter.detach().clone();
    }

    private static (long Step, Tensor Average) Moments(OptimizerState state) => state switch
    {
        Adam.State s => (s.step, s.exp_avg),
        AdamW.State s => (s.step, s.exp_avg),
        _ => throw new InvalidOperationException(state.GetType().Name),
    };

    /// <summary>A network from a fixed seed, its optimizer and its dropout generator.</summary>
    private sealed class Run : IDisposable
    {
        public Run(TrainingSettings settings)
        {
            using var random = new Generator(11, CPU);
            Network = new PriceNetwork(settings.Network, random);
            DropoutRandom = new Generator(5, CPU);
            Network.UseDropoutRandom(DropoutRandom);
            Optimizer = settings.Optimizer == OptimizerKind.AdamW
                ? optim.AdamW(Network.parameters(), LearningRate, weight_decay: settings.WeightDecay)
                : optim.Adam(Network.parameters(), LearningRate, weight_decay: settings.WeightDecay);
        }

        public PriceNetwork Network { get; }
        public optim.Optimizer Optimizer { get; }
        public Generator DropoutRandom { get; }

        public void Dispose()
        {
            Optimizer.Dispose();
            Network.Dispose();
            DropoutRandom.Dispose();
        }
    }
}
