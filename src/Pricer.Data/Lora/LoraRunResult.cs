using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Data.Runs;

namespace Pricer.Data.Lora;

/// <summary>A stored fine-tuned run with where its adapter lives and what training cost (epochs are empty for an evaluation).</summary>
public sealed record LoraRunResult(PricerRun Run, string AdapterPath, ParameterReport Parameters, IReadOnlyList<LoraEpoch> Epochs, long PeakMemoryBytes, int TrainItems);
