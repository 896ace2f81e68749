using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>
/// Rotary position embeddings in Hugging Face's rotate-half layout (the layout Llama checkpoints on the Hub are
/// permuted for), with Llama 3's frequency scaling where the config asks for it. Holds no weights.
/// </summary>
public sealed class RotaryEmbedding
{
    private readonly float[] inverseFrequencies;

    public RotaryEmbedding(LlamaConfig config)
    {
        var dim = config.HeadDim;
        var frequencies = Enumerable.Range(0, dim / 2).Select(i => 1.0 / Math.Pow(config.RopeTheta, 2.0 * i / dim)).ToArray();
        if (config.RopeScaling is { } scaling) frequencies = scaling.Rescale(frequencies);
        inverseFrequencies = [.. frequencies.Select(f => (float)f)];
    }

    public IReadOnlyList<float> InverseFrequencies => inverseFrequencies;

    /// <summary>cos and sin of every position's angles, [length, head dim], in <paramref name="dtype"/> on <paramref name="device"/>.</summary>
    public (Tensor Cos, Tensor Sin) Angles(long length, Device device, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var positions = arange(length, dtype: ScalarType.Float32, device: device);
        var frequencies = tensor(inverseFrequencies, device: device);
        var angles = outer(positions, frequencies);
        var doubled = cat([angles, angles], -1);
        return (doubled.cos().to(dtype).MoveToOuterDisposeScope(), doubled.sin().to(dtype).MoveToOuterDisposeScope());
    }

    /// <summary>Rotates [batch, heads, length, head dim] queries or keys by their positions' angles.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var rotated = cat([x.narrow(-1, half, half).neg(), x.narrow(-1, 0, half)], -1);
        return x.mul(cos).add(rotated.mul(sin)).MoveToOuterDisposeScope();
    }
}
