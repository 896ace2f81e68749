using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>
/// Trains a <see cref="PriceNetwork"/> on sparse features. Reports progress through IProgress, stops within a
/// batch of a cancellation, checkpoints every epoch and resumes from the last checkpoint it finds, giving the
/// same weights as a run that was never stopped (initial weights, shuffles and dropout masks come from the run's
/// own seeded generators, re-seeded per epoch, so other torch work in the process cannot change them). A run that
/// cannot go on (a non-finite loss, a checkpoint from other settings) throws.
/// </summary>
public sealed class PriceNetworkTrainer(TrainingSettings settings)
{
    private const int ValidationBatch = 4096;

    public TrainingSettings Settings { get; } = settings.Validated();

    /// <summary>Whether CPU runs take the hand-written steps (<see cref="Cpu.ReluStackStep"/>, <see cref="Cpu.CpuAdam"/>); off, torch does every step, as tests compare.</summary>
    internal bool CpuFastPath { get; init; } = true;

    /// <summary>Least time between two batch reports.</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Trains on <paramref name="train"/> and measures validation loss on <paramref name="validation"/>, or, when that
    /// is null, on <see cref="TrainingSettings.ValidationFraction"/> of the training items held out as the seed does.
    /// </summary>
    public TrainingResult Train(TrainingSet train, TrainingSet? validation, string? checkpointFolder,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (train.Features.Columns != Settings.Network.InputSize)
            throw new ArgumentException($"The features have {train.Features.Columns:N0} columns but the network reads {Settings.Network.InputSize:N0}.");
        var (trainRows, validationRows) = validation is null ? HoldOut(train) : (RowSet.All(train), RowSet.All(validation));
        if (trainRows.Count == 0) throw new ArgumentException("There are no training items.");

        var device = TorchDevice.Resolve(Settings.Device);
        var deviceName = TorchDevice.Name(device);
        progress?.Report(new TrainingProgress { Stage = TrainingStage.Preparing, Epochs = Settings.Epochs, Device = deviceName, PeakMemoryBytes = PeakMemory() });

        // The run's own generators, never torch's process-wide one, which other torch work in the process shares.
        using var initRandom = new Generator(unchecked((ulong)Settings.Seed), CPU);
        var network = new PriceNetwork(Settings.Network, initRandom);
        network.to(device);
        using var dropoutRandom = new Generator(0, device);
        network.UseDropoutRandom(dropoutRandom);
        try
        {
            using var optimizer = CreateOptimizer(network);
            var target = TargetScaler.Fit(Settings.Target, trainRows.Prices);
            var checkpoint = checkpointFolder is null ? null : new TrainingCheckpoint(checkpointFolder);
            var run = new RunState(target);
            if (checkpoint is { Exists: true }) run = Resume(checkpoint, network, (OptimizerHelper)optimizer);

            var step = BatchStepFor(network, optimizer, trainRows.Features, device, dropoutRandom);
            var trainTargets = trainRows.Prices.Select(run.Target.ToTarget).ToArray();
            var validationTargets = validationRows.Prices.Select(run.Target.ToTarget).ToArray();
            var batchesPerEpoch = (trainRows.Count + Settings.BatchSize - 1) / Settings.BatchSize;
            var totalSteps = (long)Settings.Epochs * batchesPerEpoch;
            var clock = new Clock(Stopwatch.StartNew());
            var stoppedEarly = false;

            for (var epoch = run.Epoch + 1; epoch <= Settings.Epochs; epoch++)
            {
                dropoutRandom.manual_seed(Settings.Seed + epoch);
                var trainLoss = TrainEpoch(network, optimizer, step, trainRows, trainTargets, epoch, batchesPerEpoch, totalSteps, clock, deviceName, progress, cancellationToken);
                double? validationLoss = validationRows.Count > 0 ? Evaluate(network, validationRows, validationTargets, device) : null;
                run.History.Add(new EpochLoss(epoch, trainLoss, validationLoss));
                var best = validationLoss is { } v && (run.BestValidationLoss is null || v < run.BestValidationLoss);
                if (best)
                {
                    run.BestValidationLoss = validationLoss;
                    run.BestEpoch = epoch;
                    run.EpochsWithoutImprovement = 0;
                    if (Settings.EarlyStoppingPatience is not null) run.KeepBest(network);
                }
                else run.EpochsWithoutImprovement++;
                run.Epoch = epoch;
                checkpoint?.Save(network, (OptimizerHelper)optimizer, run.ToCheckpoint(Settings), best);

                progress?.Report(new TrainingProgress
                {
                    Stage = TrainingStage.Epoch, Epoch = epoch, Epochs = Settings.Epochs, Batch = batchesPerEpoch, BatchesPerEpoch = batchesPerEpoch,
                    TrainLoss = trainLoss, ValidationLoss = validationLoss, SamplesPerSecond = clock.SamplesPerSecond, Elapsed = clock.Total.Elapsed,
                    Remaining = clock.Remaining(totalSteps - (long)epoch * batchesPerEpoch), PeakMemoryBytes = PeakMemory(), Device = deviceName,
                });
                if (Settings.EarlyStoppingPatience is { } patience && run.EpochsWithoutImprovement >= patience && epoch < Settings.Epochs)
                {
                    stoppedEarly = true;
                    break;
                }
            }

            if (Settings.EarlyStoppingPatience is not null) run.RestoreBest(network);
            var last = run.History.LastOrDefault();
            var result = new TrainingResult(
                new TrainedNetwork(network, Settings, run.Target, device), run.Epoch, last?.TrainLoss,
                Settings.EarlyStoppingPatience is not null ? run.BestValidationLoss : last?.ValidationLoss,
                clock.SamplesPerSecond, PeakMemory(), deviceName, stoppedEarly, run.History);
            progress?.Report(new TrainingProgress
            {
                Stage = TrainingStage.Finished, Epoch = run.Epoch, Epochs = Settings.Epochs, Batch = batchesPerEpoch, BatchesPerEpoch = batchesPerEpoch,
                TrainLoss = result.TrainLoss, ValidationLoss = result.ValidationLoss, SamplesPerSecond = result.SamplesPerSecond,
                Elapsed = clock.Total.Elapsed, Remaining = TimeSpan.Zero, PeakMemoryBytes = result.PeakMemoryBytes, Device = deviceName,
            });
            run.Dispose();
            return result;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private double TrainEpoch(PriceNetwork network, optim.Optimizer optimizer, BatchStep step, RowSet data, float[] targets, int epoch,
        int batchesPerEpoch, long totalSteps, Clock clock, string deviceName, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        network.train();
        // HashCode.Combine is salted per process, which made the same seed train differently from run to run.
        var order = Shuffled(targets.Length, new Random(unchecked(Settings.Seed * 1_000_003 + epoch)));
        var batchTargets = new float[Settings.BatchSize];
        var batchRows = new int[Settings.BatchSize];
        var lossSum = 0.0;
        var lastReport = TimeSpan.Zero;
        clock.Loop.Start();
        try
        {
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var stepNumber = (long)(epoch - 1) * batchesPerEpoch + b;
                if (Settings.CosineSchedule) foreach (var group in optimizer.ParamGroups) group.LearningRate = LearningRate(stepNumber, totalSteps);
                var picked = order.AsSpan(b * Settings.BatchSize, Math.Min(Settings.BatchSize, targets.Length - b * Settings.BatchSize));
                var rows = batchRows.AsSpan(0, picked.Length);
                for (var i = 0; i < picked.Length; i++)
                {
                    rows[i] = data.Rows[picked[i]];
                    batchTargets[i] = targets[picked[i]];
                }

                var loss = step(rows, batchTargets.AsSpan(0, rows.Length));
                if (!float.IsFinite(loss))
                    throw new TrainingFailedException($"The loss became {loss} at epoch {epoch}, batch {b + 1}; try a lower learning rate, gradient clipping or the log target.");
                lossSum += loss;
                clock.Samples += rows.Length;
                clock.Steps++;

                var now = clock.Total.Elapsed;
                if (progress is not null && (b == 0 || now - lastReport >= ReportInterval))
                {
                    lastReport = now;
                    progress.Report(new TrainingProgress
                    {
                        Stage = TrainingStage.Batch, Epoch = epoch, Epochs = Settings.Epochs, Batch = b + 1, BatchesPerEpoch = batchesPerEpoch,
                        BatchLoss = loss, SamplesPerSecond = clock.SamplesPerSecond, Elapsed = now,
                        Remaining = clock.Remaining(totalSteps - stepNumber - 1), PeakMemoryBytes = PeakMemory(), Device = deviceName,
                    });
                }
            }
        }
        finally
        {
            clock.Loop.Stop();
        }
        return lossSum / batchesPerEpoch;
    }

    /// <summary>Trains on one batch (rows of the training features, targets) and gives its mean loss before the update.</summary>
    private delegate float BatchStep(ReadOnlySpan<int> rows, ReadOnlySpan<float> targets);

    /// <summary>
    /// The CPU's hand-written step for the plain ReLU stack with Adam/AdamW (<see cref="Cpu.ReluStackStep"/>), else
    /// torch's autograd with, on the CPU, <see cref="Cpu.CpuAdam"/>'s one-pass update in place of optimizer.step().
    /// </summary>
    private BatchStep BatchStepFor(PriceNetwork network, optim.Optimizer optimizer, Text.SparseMatrix features, Device device, Generator dropoutRandom)
    {
        if (CpuFastPath && Cpu.ReluStackStep.Supports(Settings, device) && Cpu.ReluStackStep.Create(Settings, network, optimizer, dropoutRandom) is { } fast)
            return (rows, targets) => fast.Step(features, rows, targets);
        var cpuAdam = CpuFastPath && device.type == DeviceType.CPU ? Cpu.CpuAdam.Over(optimizer, [.. network.parameters()]) : null;
        return (rows, targets) =>
        {
            using var scope = NewDisposeScope();
            using var batch = SparseBatch.From(features, rows, Settings.Network.Dense, device);
            var expected = tensor(targets.ToArray(), [rows.Length, 1], device: device);
            optimizer.zero_grad();
            var output = Loss(network.forward(batch), expected);
            output.backward();
            if (Settings.GradientClip is { } clip) nn.utils.clip_grad_norm_(network.parameters(), clip);
            if (cpuAdam is not null) cpuAdam.StepFromTorchGradients();
            else optimizer.step();
            return output.item<float>();
        };
    }

    /// <summary>Mean loss over <paramref name="data"/> in evaluation mode, in the target's space.</summary>
    private double Evaluate(PriceNetwork network, RowSet data, float[] targets, Device device)
    {
        network.eval();
        using var noGrad = no_grad();
        var rows = data.Rows;
        var sum = 0.0;
        for (var start = 0; start < rows.Length; start += ValidationBatch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(ValidationBatch, rows.Length - start);
            using var batch = SparseBatch.From(data.Features, rows.AsSpan(start, count), Settings.Network.Dense, device);
            var expected = tensor(targets.AsSpan(start, count).ToArray(), [count, 1], device: device);
            sum += Loss(network.forward(batch), expected, nn.Reduction.Sum).item<float>();
        }
        return sum / targets.Length;
    }

    private Tensor Loss(Tensor output, Tensor expected, nn.Reduction reduction = nn.Reduction.Mean) => Settings.Loss switch
    {
        LossKind.L1 => nn.functional.l1_loss(output, expected, reduction),
        LossKind.Huber => nn.functional.huber_loss(output, expected, Settings.HuberDelta, reduction),
        _ => nn.functional.mse_loss(output, expected, reduction),
    };

    private double LearningRate(long step, long totalSteps)
    {
        var warmup = (long)(Settings.WarmupFraction * totalSteps);
        if (step < warmup) return Settings.LearningRate * (step + 1) / warmup;
        var progress = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);
        return Settings.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }

    private optim.Optimizer CreateOptimizer(PriceNetwork network) => Settings.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(network.parameters(), Settings.LearningRate, Settings.Momentum, weight_decay: Settings.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(network.parameters(), Settings.LearningRate, weight_decay: Settings.WeightDecay),
        _ => optim.Adam(network.parameters(), Settings.LearningRate, weight_decay: Settings.WeightDecay),
    };

    private RunState Resume(TrainingCheckpoint checkpoint, PriceNetwork network, OptimizerHelper optimizer)
    {
        var saved = checkpoint.ReadState();
        if (!Comparable(saved.Settings).Equals(Comparable(Settings)))
            throw new TrainingFailedException($"The checkpoint in {checkpoint.Folder} was made with other settings; start a new run instead of resuming this one.");
        var run = new RunState(saved.Target) { BestValidationLoss = saved.BestValidationLoss, BestEpoch = saved.BestEpoch, EpochsWithoutImprovement = saved.EpochsWithoutImprovement };
        run.History.AddRange(saved.History);
        if (Settings.EarlyStoppingPatience is not null && checkpoint.RestoreBest(network)) run.KeepBest(network);
        run.Epoch = checkpoint.Restore(network, optimizer).Epoch;
        return run;
    }

    /// <summary>Settings that may change between a run and its resumption (more epochs, another device) are left out of the comparison.</summary>
    private static TrainingSettings Comparable(TrainingSettings settings) => settings with { Epochs = 1, Device = DeviceChoice.Auto, EarlyStoppingPatience = null };

    /// <summary>
    /// Holds out the validation fraction at random (seeded), at least one item when the fraction is above 0; both
    /// parts keep pointing into the one feature matrix, so nothing is copied.
    /// </summary>
    private (RowSet Train, RowSet Validation) HoldOut(TrainingSet all)
    {
        var held = Settings.ValidationFraction > 0 && all.Count > 1 ? Math.Min(all.Count - 1, (int)Math.Ceiling(Settings.ValidationFraction * all.Count)) : 0;
        var order = Shuffled(all.Count, new Random(Settings.Seed));
        return (RowSet.Of(all, order[held..]), RowSet.Of(all, order[..held]));
    }

    /// <summary>Some rows of a feature matrix with their prices, in that order.</summary>
    private sealed record RowSet(Text.SparseMatrix Features, int[] Rows, float[] Prices)
    {
        public int Count => Rows.Length;

        public static RowSet All(TrainingSet set) => new(set.Features, Enumerable.Range(0, set.Count).ToArray(), set.Prices);

        public static RowSet Of(TrainingSet set, int[] rows) => new(set.Features, rows, rows.Select(r => set.Prices[r]).ToArray());
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static long PeakMemory()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Time in the training loop alone (samples/s) and overall, and the steps taken in this session (the ETA).</summary>
    private sealed class Clock(Stopwatch total)
    {
        public Stopwatch Total { get; } = total;
        public Stopwatch Loop { get; } = new();
        public long Samples { get; set; }
        public long Steps { get; set; }

        public double SamplesPerSecond => Loop.Elapsed.TotalSeconds > 0 ? Samples / Loop.Elapsed.TotalSeconds : 0;

        public TimeSpan? Remaining(long stepsLeft) => Steps == 0 ? null : Loop.Elapsed / Steps * Math.Max(0, stepsLeft);
    }

    private sealed class RunState(TargetScaler target) : IDisposable
    {
        private Dictionary<string, Tensor>? _best;

        public TargetScaler Target { get; } = target;
        public int Epoch { get; set; }
        public List<EpochLoss> History { get; } = [];
        public double? BestValidationLoss { get; set; }
        public int BestEpoch { get; set; }
        public int EpochsWithoutImprovement { get; set; }

        public void KeepBest(PriceNetwork network)
        {
            Dispose();
            _best = network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        }

        public void RestoreBest(PriceNetwork network)
        {
            if (_best is not null) network.load_state_dict(_best);
        }

        public CheckpointState ToCheckpoint(TrainingSettings settings) =>
            new(Epoch, settings, Target, History.ToList(), BestValidationLoss, BestEpoch, EpochsWithoutImprovement);

        public void Dispose()
        {
            if (_best is null) return;
            foreach (var tensor in _best.Values) tensor.Dispose();
            _best = null;
        }
    }
}
