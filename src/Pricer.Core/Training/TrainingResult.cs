namespace Pricer.Core.Training;

/// <summary>What a finished training produced: the model and the figures that describe how it got there.</summary>
public sealed record TrainingResult(
    TrainedNetwork Network,
    int EpochsTrained,
    double? TrainLoss,
    double? ValidationLoss,
    double SamplesPerSecond,
    long PeakMemoryBytes,
    string Device,
    bool StoppedEarly,
    IReadOnlyList<EpochLoss> History);
