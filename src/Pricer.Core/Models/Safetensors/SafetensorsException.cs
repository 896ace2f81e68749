namespace Pricer.Core.Models.Safetensors;

/// <summary>A safetensors file that cannot be read: the message says what is wrong with it.</summary>
public sealed class SafetensorsException(string message) : Exception(message);
