using System.Diagnostics;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// Turns a fine-tune's progress into run updates: each step's loss on the batch-loss chart with the throughput and
/// time left, each epoch's losses on the epoch chart, the runner's lines in the log. Training is the first 90% of
/// the bar; pricing the validation and test items is the rest.
/// </summary>
internal sealed class FineTuningProgress(RunJobContext context, int epochs, int batchSize) : IProgress<string>, IProgress<LoraStep>, IProgress<LoraEpoch>
{
    private const double TrainingShare = 0.9;
    private readonly Stopwatch _sinceFirstStep = new();

    public void Report(string value) => context.Report(new RunUpdate { Message = value, Log = [value] });

    public void Report(LoraStep value)
    {
        // Timed from the first step, so loading the base model does not count against the training speed.
        if (!_sinceFirstStep.IsRunning) _sinceFirstStep.Start();
        var seconds = _sinceFirstStep.Elapsed.TotalSeconds;
        var timedSteps = value.Step - 1;
        var points = new List<RunPoint> { new(RunSeries.BatchLoss, value.Step, value.Loss) };
        double? rate = timedSteps > 0 && seconds > 0 ? timedSteps * batchSize / seconds : null;
        if (rate is { } samplesPerSecond) points.Add(new RunPoint(RunSeries.SamplesPerSecond, seconds, samplesPerSecond));
        context.Report(new RunUpdate
        {
            Progress = TrainingShare * value.Step / value.TotalSteps,
            Message = $"epoch {value.Epoch} of {epochs} · step {value.Step} of {value.TotalSteps}",
            SamplesPerSecond = rate,
            EtaSeconds = timedSteps > 0 ? (value.TotalSteps - value.Step) * seconds / timedSteps : null,
            Points = points,
        });
    }

    public void Report(LoraEpoch value)
    {
        var points = new List<RunPoint> { new(RunSeries.TrainLoss, value.Epoch, value.TrainLoss) };
        if (double.IsFinite(value.ValidationLoss)) points.Add(new RunPoint(RunSeries.ValidationLoss, value.Epoch, value.ValidationLoss));
        context.Report(new RunUpdate { Progress = TrainingShare * value.Epoch / epochs, Points = points });
    }
}
