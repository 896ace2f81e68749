namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>A finished Llama fine-tune: the trained pricer and what it cost.</summary>
public sealed record LlamaFineTuneResult(LlamaPricer Pricer, IReadOnlyList<LoraEpoch> Epochs, ParameterReport Parameters, long PeakMemoryBytes, int TrainItems);
