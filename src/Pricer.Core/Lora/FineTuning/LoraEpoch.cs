namespace Pricer.Core.Lora.FineTuning;

/// <summary>One finished epoch: mean training loss, validation loss (MiniLM: MSE on standardised log price; Llama: completion-token cross-entropy) and its wall time.</summary>
public sealed record LoraEpoch(int Epoch, double TrainLoss, double ValidationLoss, double Seconds);
