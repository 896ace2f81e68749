namespace Pricer.Core.Training;

public sealed record EpochLoss(int Epoch, double TrainLoss, double? ValidationLoss);
