using Pricer.Core.Training;

namespace Pricer.Cli.Hosting;

/// <summary>Training progress on stderr: every epoch, and a batch line every few seconds.</summary>
public sealed class ConsoleTrainingProgress(TextWriter error) : IProgress<TrainingProgress>
{
    private static readonly TimeSpan BatchInterval = TimeSpan.FromSeconds(5);
    private TimeSpan _lastBatchLine = -BatchInterval;

    public void Report(TrainingProgress value)
    {
        switch (value.Stage)
        {
            case TrainingStage.Preparing:
                error.WriteLine($"training on {value.Device}");
                break;
            case TrainingStage.Batch when value.Elapsed - _lastBatchLine >= BatchInterval:
                _lastBatchLine = value.Elapsed;
                error.WriteLine($"epoch {value.Epoch}/{value.Epochs} batch {value.Batch}/{value.BatchesPerEpoch}  loss {value.BatchLoss:G5}  {value.SamplesPerSecond:N0} samples/s  eta {value.Remaining:hh\\:mm\\:ss}");
                break;
            case TrainingStage.Epoch:
                error.WriteLine($"epoch {value.Epoch}/{value.Epochs}  train loss {value.TrainLoss:G5}  validation loss {value.ValidationLoss:G5}  {value.SamplesPerSecond:N0} samples/s  peak {value.PeakMemoryBytes / 1048576.0:N0} MiB");
                break;
        }
    }
}
