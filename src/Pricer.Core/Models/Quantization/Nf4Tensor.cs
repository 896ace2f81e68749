using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Quantization;

/// <summary>
/// A weight stored as packed NF4 codes (two a byte) with double-quantised block scales: each block's absmax is
/// kept as an int8 offset from the mean absmax, scaled per group of <see cref="Nf4.AbsmaxBlockSize"/> blocks.
/// </summary>
public sealed class Nf4Tensor : IDisposable
{
    private Nf4Tensor(Tensor codes, Tensor absmaxCodes, Tensor absmaxScales, Tensor absmaxMean, long[] shape)
    {
        Codes = codes;
        AbsmaxCodes = absmaxCodes;
        AbsmaxScales = absmaxScales;
        AbsmaxMean = absmaxMean;
        Shape = shape;
    }

    /// <summary>uint8 [blocks, 32]: each byte holds two 4-bit level indices, the first in the high nibble.</summary>
    public Tensor Codes { get; }

    /// <summary>int8 [blocks]: (absmax − mean) / group scale × 127, rounded.</summary>
    public Tensor AbsmaxCodes { get; }

    /// <summary>float32 [groups]: the largest |absmax − mean| in each group of 256 blocks.</summary>
    public Tensor AbsmaxScales { get; }

    /// <summary>float32 scalar: the mean block absmax.</summary>
    public Tensor AbsmaxMean { get; }

    public IReadOnlyList<long> Shape { get; }

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Bytes the quantised form occupies: codes, absmax codes, group scales and the mean.</summary>
    public long ByteSize => Codes.numel() + AbsmaxCodes.numel() + 4 * AbsmaxScales.numel() + 4;

    public static Nf4Tensor Quantize(Tensor weight)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var shape = weight.shape;
        var blocks = Padded(weight.detach().flatten().to(ScalarType.Float32), Nf4.BlockSize);
        var absmax = blocks.abs().amax([1]);
        var normalized = blocks.div(absmax.clamp_min(float.Epsilon).unsqueeze(1));
        var midpoints = tensor(Nf4.Midpoints, device: weight.device);
        var levelIndices = bucketize(normalized.contiguous(), midpoints).view(blocks.shape[0], Nf4.BlockSize / 2, 2);
        var packed = levelIndices.select(2, 0).mul(16).add(levelIndices.select(2, 1)).to(ScalarType.Byte);

        var mean = absmax.mean();
        var groups = Padded(absmax.sub(mean), Nf4.AbsmaxBlockSize);
        var scales = groups.abs().amax([1]);
        var absmaxCodes = groups.div(scales.clamp_min(float.Epsilon).unsqueeze(1)).mul(127).round().flatten()
            .narrow(0, 0, absmax.shape[0]).to(ScalarType.Int8);
        return new Nf4Tensor(
            packed.MoveToOuterDisposeScope(), absmaxCodes.MoveToOuterDisposeScope(), scales.MoveToOuterDisposeScope(), mean.MoveToOuterDisposeScope(), shape);
    }

    /// <summary>The block absmax values as double quantisation returns them (what <see cref="Dequantize"/> scales by).</summary>
    public Tensor BlockAbsmax()
    {
        using var scope = NewDisposeScope();
        var blocks = AbsmaxCodes.shape[0];
        var groupOfBlock = arange(blocks, device: AbsmaxCodes.device).div(Nf4.AbsmaxBlockSize, RoundingMode.floor);
        return AbsmaxCodes.to(ScalarType.Float32).div(127).mul(AbsmaxScales.index_select(0, groupOfBlock)).add(AbsmaxMean)
            .MoveToOuterDisposeScope();
    }

    /// <summary>The float32 weight back in its shape: each code's level times its block's absmax.</summary>
    public Tensor Dequantize()
    {
        using var scope = NewDisposeScope();
        var wide = Codes.to(ScalarType.Int64);
        var indices = stack([wide.div(16, RoundingMode.floor), wide.remainder(16)], -1).flatten();
        var levels = tensor(Nf4.Levels.ToArray(), device: Codes.device);
        var values = levels.index_select(0, indices).view(Codes.shape[0], Nf4.BlockSize).mul(BlockAbsmax().unsqueeze(1));
        return values.flatten().narrow(0, 0, ElementCount).view([.. Shape]).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        Codes.Dispose();
        AbsmaxCodes.Dispose();
        AbsmaxScales.Dispose();
        AbsmaxMean.Dispose();
    }

    /// <summary>[n / size, size] rows, the last filled out with zeros.</summary>
    private static Tensor Padded(Tensor flat, int size)
    {
        var remainder = flat.shape[0] % size;
        var full = remainder == 0 ? flat : cat([flat, zeros(size - remainder, device: flat.device)]);
        return full.view(-1, size);
    }
}
