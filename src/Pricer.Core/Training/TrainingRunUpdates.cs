using Pricer.Core.Runs;

namespace Pricer.Core.Training;

/// <summary>
/// Turns a trainer's progress into run updates (batch loss, epoch losses, throughput, ETA, log lines), the same
/// for a run the app trains and one a remote `pricer train --server` publishes. One instance per run.
/// </summary>
public sealed class TrainingRunUpdates
{
    private bool _deviceLogged;

    public RunUpdate From(TrainingProgress value)
    {
        if (value.Stage == TrainingStage.Preparing) return new RunUpdate { Progress = 0, Message = "preparing the data" };
        var log = new List<string>();
        if (!_deviceLogged)
        {
            _deviceLogged = true;
            log.Add($"Training on {value.Device}.");
        }
        var step = (value.Epoch - 1) * (double)value.BatchesPerEpoch + value.Batch;
        var points = new List<RunPoint>();
        switch (value.Stage)
        {
            case TrainingStage.Batch when value.BatchLoss is { } loss:
                points.Add(new RunPoint(RunSeries.BatchLoss, step, loss));
                break;
            case TrainingStage.Epoch:
                if (value.TrainLoss is { } train) points.Add(new RunPoint(RunSeries.TrainLoss, value.Epoch, train));
                if (value.ValidationLoss is { } validation) points.Add(new RunPoint(RunSeries.ValidationLoss, value.Epoch, validation));
                log.Add($"Epoch {value.Epoch} of {value.Epochs}: train loss {value.TrainLoss:G5}, validation loss {value.ValidationLoss:G5}, {value.SamplesPerSecond:N0} samples/s.");
                break;
            case TrainingStage.Finished:
                log.Add($"Training finished in {value.Elapsed:hh\\:mm\\:ss}; peak memory {value.PeakMemoryBytes / (1024 * 1024):N0} MB. Predicting and storing.");
                break;
        }
        if (value.SamplesPerSecond > 0) points.Add(new RunPoint(RunSeries.SamplesPerSecond, value.Elapsed.TotalSeconds, value.SamplesPerSecond));
        return new RunUpdate
        {
            Progress = value.Fraction,
            Message = $"epoch {Math.Max(1, value.Epoch)} of {value.Epochs}",
            SamplesPerSecond = value.SamplesPerSecond > 0 ? value.SamplesPerSecond : null,
            EtaSeconds = value.Remaining?.TotalSeconds,
            Points = points,
            Log = log,
        };
    }
}
