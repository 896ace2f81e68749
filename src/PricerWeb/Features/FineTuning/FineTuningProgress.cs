using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// Turns a fine-tune's progress into run updates: each step's loss on the batch-loss chart, each epoch's losses on
/// the epoch chart and in the log, the runner's lines as the run's message. Training is the first 90% of the bar;
/// pricing the validation and test items is the rest.
/// </summary>
internal sealed class FineTuningProgress(RunJobContext context, int epochs) : IProgress<string>, IProgress<LoraStep>, IProgress<LoraEpoch>
{
    private const double TrainingShare = 0.9;

    public void Report(string value) => context.Report(new RunUpdate { Message = value, Log = [value] });

    public void Report(LoraStep value) => context.Report(new RunUpdate
    {
        Progress = TrainingShare * value.Step / value.TotalSteps,
        Message = $"epoch {value.Epoch} of {epochs} · step {value.Step} of {value.TotalSteps}",
        Points = [new RunPoint(RunSeries.BatchLoss, value.Step, value.Loss)],
    });

    public void Report(LoraEpoch value)
    {
        var points = new List<RunPoint> { new(RunSeries.TrainLoss, value.Epoch, value.TrainLoss) };
        if (double.IsFinite(value.ValidationLoss)) points.Add(new RunPoint(RunSeries.ValidationLoss, value.Epoch, value.ValidationLoss));
        context.Report(new RunUpdate
        {
            Progress = TrainingShare * value.Epoch / epochs,
            Points = points,
            Log = [$"Epoch {value.Epoch} of {epochs}: train loss {value.TrainLoss:G5}, validation loss {value.ValidationLoss:G5}, {value.Seconds:F0} s."],
        });
    }
}
