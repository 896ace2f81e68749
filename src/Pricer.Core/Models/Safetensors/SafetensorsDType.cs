namespace Pricer.Core.Models.Safetensors;

/// <summary>The element types this reader and writer handle, spelled as in the safetensors header.</summary>
public enum SafetensorsDType
{
    F32,
    F16,
    BF16,
}
