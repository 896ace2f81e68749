using Pricer.Core.Training;
using Pricer.Data.Runs;

namespace Pricer.Data.Training;

/// <summary>A finished training run; disposing it frees the trained network's native memory.</summary>
/// <param name="Run">The stored run, with its validation and test predictions.</param>
/// <param name="ModelFolder">Where the trained model was saved (model.bin, model.json and the PyTorch model.pt).</param>
public sealed record NetworkRunResult(PricerRun Run, TrainingResult Training, string ModelFolder) : IDisposable
{
    public void Dispose() => Training.Network.Dispose();
}
