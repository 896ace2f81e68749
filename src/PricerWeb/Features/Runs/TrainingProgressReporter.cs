using Pricer.Core.Runs;
using Pricer.Core.Training;

namespace PricerWeb.Features.Runs;

/// <summary>Turns the trainer's progress into run reports: batch loss, epoch losses, throughput, ETA and log lines.</summary>
internal sealed class TrainingProgressReporter(RunJobContext context) : IProgress<TrainingProgress>
{
    private string? _device;

    public void Report(TrainingProgress value)
    {
        if (_device is null && value.Stage != TrainingStage.Preparing)
        {
            _device = value.Device;
            context.Log($"Training on {value.Device}.");
        }
        var step = (value.Epoch - 1) * (double)value.BatchesPerEpoch + value.Batch;
        var points = new List<RunPoint>();
        switch (value.Stage)
        {
            case TrainingStage.Preparing:
                context.ReportProgress(0, "preparing the data");
                return;
            case TrainingStage.Batch:
                if (value.BatchLoss is { } loss) points.Add(new RunPoint(RunSeries.BatchLoss, step, loss));
                break;
            case TrainingStage.Epoch:
                if (value.TrainLoss is { } train) points.Add(new RunPoint(RunSeries.TrainLoss, value.Epoch, train));
                if (value.ValidationLoss is { } validation) points.Add(new RunPoint(RunSeries.ValidationLoss, value.Epoch, validation));
                context.Log($"Epoch {value.Epoch} of {value.Epochs}: train loss {value.TrainLoss:G5}, validation loss {value.ValidationLoss:G5}, {value.SamplesPerSecond:N0} samples/s.");
                break;
            case TrainingStage.Finished:
                context.Log($"Training finished in {value.Elapsed:hh\\:mm\\:ss}; peak memory {value.PeakMemoryBytes / (1024 * 1024):N0} MB. Predicting and storing.");
                break;
        }
        if (value.SamplesPerSecond > 0) points.Add(new RunPoint(RunSeries.SamplesPerSecond, value.Elapsed.TotalSeconds, value.SamplesPerSecond));
        context.Report(new RunUpdate
        {
            Progress = value.Fraction,
            Message = $"epoch {Math.Max(1, value.Epoch)} of {value.Epochs}",
            SamplesPerSecond = value.SamplesPerSecond > 0 ? value.SamplesPerSecond : null,
            EtaSeconds = value.Remaining?.TotalSeconds,
            Points = points,
        });
    }
}
