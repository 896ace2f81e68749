namespace Pricer.Core.Training;

/// <summary>
/// A snapshot of a training run. Batch reports are throttled; every epoch ends with one carrying its train
/// and validation loss. Losses are in the target's space (dollars squared for the seed's MSE on raw prices).
/// </summary>
public sealed record TrainingProgress
{
    public required TrainingStage Stage { get; init; }

    /// <summary>1-based epoch being trained (or just finished, for an epoch report).</summary>
    public int Epoch { get; init; }
    public int Epochs { get; init; }

    /// <summary>Batches done in this epoch.</summary>
    public int Batch { get; init; }
    public int BatchesPerEpoch { get; init; }

    public double? BatchLoss { get; init; }

    /// <summary>Mean loss over the epoch's batches, on the epoch report.</summary>
    public double? TrainLoss { get; init; }

    public double? ValidationLoss { get; init; }

    /// <summary>Training samples per second, counting only the time spent in the training loop.</summary>
    public double SamplesPerSecond { get; init; }

    public TimeSpan Elapsed { get; init; }

    public TimeSpan? Remaining { get; init; }

    /// <summary>The process's peak resident memory so far.</summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Fraction of all batches done, 0..1.</summary>
    public double Fraction => Epochs == 0 || BatchesPerEpoch == 0 ? 0 : Math.Clamp(((Epoch - 1) * (double)BatchesPerEpoch + Batch) / ((double)Epochs * BatchesPerEpoch), 0, 1);
}
