namespace Pricer.Core.Lora;

/// <summary>An adapter folder that cannot be loaded; the message says which file and what is wrong.</summary>
public sealed class LoraFormatException(string message) : Exception(message);
