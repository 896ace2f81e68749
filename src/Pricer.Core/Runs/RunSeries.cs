namespace Pricer.Core.Runs;

/// <summary>The series names every run page knows how to chart; jobs may add their own.</summary>
public static class RunSeries
{
    /// <summary>Loss of each batch (x: step); many points, so watchers get them in throttled batches.</summary>
    public const string BatchLoss = "batch_loss";

    /// <summary>Mean training loss of an epoch (x: epoch).</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>Validation loss after an epoch (x: epoch).</summary>
    public const string ValidationLoss = "val_loss";

    /// <summary>Throughput (x: seconds since the run started).</summary>
    public const string SamplesPerSecond = "samples_per_sec";
}
