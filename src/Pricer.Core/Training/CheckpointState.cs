namespace Pricer.Core.Training;

/// <summary>Where a run stood after its last finished epoch.</summary>
public sealed record CheckpointState(
    int Epoch,
    TrainingSettings Settings,
    TargetScaler Target,
    IReadOnlyList<EpochLoss> History,
    double? BestValidationLoss,
    int BestEpoch,
    int EpochsWithoutImprovement);
