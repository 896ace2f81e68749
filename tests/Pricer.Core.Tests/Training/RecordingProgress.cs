using Pricer.Core.Training;

namespace Pricer.Core.Tests.Training;

/// <summary>Records reports synchronously on the trainer's thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress(Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
{
    public List<TrainingProgress> Reports { get; } = [];

    public void Report(TrainingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
