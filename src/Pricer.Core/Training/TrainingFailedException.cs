namespace Pricer.Core.Training;

/// <summary>A training run that cannot go on; the message says why and what to change.</summary>
public sealed class TrainingFailedException(string message) : Exception(message);
