using System.Runtime.InteropServices;

namespace Pricer.Core.Embeddings;

/// <summary>A vector as stored: its float32 values in the machine's (little-endian) byte order.</summary>
public static class VectorBlob
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    /// <summary>Copies a stored vector into <paramref name="destination"/>, which must have exactly its length.</summary>
    /// <exception cref="InvalidDataException">The blob does not hold that many floats.</exception>
    public static void CopyTo(ReadOnlySpan<byte> blob, Span<float> destination)
    {
        if (blob.Length != destination.Length * sizeof(float))
            throw new InvalidDataException($"A stored vector has {blob.Length} bytes; {destination.Length} dimensions need {destination.Length * sizeof(float)}.");
        MemoryMarshal.Cast<byte, float>(blob).CopyTo(destination);
    }

    public static float[] ToVector(ReadOnlySpan<byte> blob)
    {
        var vector = new float[blob.Length / sizeof(float)];
        CopyTo(blob, vector);
        return vector;
    }
}
