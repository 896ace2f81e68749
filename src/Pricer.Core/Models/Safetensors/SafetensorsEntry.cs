namespace Pricer.Core.Models.Safetensors;

/// <summary>Where one tensor lies in a safetensors file's data section, and what it holds.</summary>
internal sealed record SafetensorsEntry(SafetensorsDType DType, IReadOnlyList<long> Shape, long Begin, long End);
