namespace Pricer.Core.Lora.FineTuning;

/// <summary>One optimiser step of a LoRA fine-tune: the batch's loss, and where the step stands in the whole run.</summary>
public sealed record LoraStep(int Epoch, int Step, int TotalSteps, double Loss);
