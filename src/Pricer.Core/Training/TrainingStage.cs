namespace Pricer.Core.Training;

public enum TrainingStage
{
    /// <summary>Vectorising and preparing data, or loading a checkpoint.</summary>
    Preparing,
    Batch,
    Epoch,
    Finished,
}
