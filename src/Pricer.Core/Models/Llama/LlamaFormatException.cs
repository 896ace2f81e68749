namespace Pricer.Core.Models.Llama;

/// <summary>A model folder, config or tokenizer that cannot be read as a Llama: the message says what is wrong.</summary>
public sealed class LlamaFormatException(string message) : Exception(message);
