namespace Pricer.Core.Lora.FineTuning;

/// <summary>A finished fine-tune: the trained pricer and what it cost.</summary>
public sealed record LoraFineTuneResult(LoraPricer Pricer, IReadOnlyList<LoraEpoch> Epochs, ParameterReport Parameters, long PeakMemoryBytes, int TrainItems);
