namespace Pricer.Core.Pricers;

/// <summary>What kind of pricer produced a run's predictions.</summary>
public enum RunKind
{
    Baseline = 0,
    NeuralNetwork = 1,
    Llm = 2,
    FineTuned = 3,
    Human = 4,
    Crowd = 5,
    Ensemble = 6,
    Imported = 7,
}
