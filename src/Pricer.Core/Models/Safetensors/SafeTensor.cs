using System.Buffers.Binary;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Safetensors;

/// <summary>One named tensor of a safetensors file: its type, shape and raw little-endian bytes.</summary>
public sealed class SafeTensor(SafetensorsDType dtype, long[] shape, byte[] data)
{
    public SafetensorsDType DType { get; } = dtype;

    public IReadOnlyList<long> Shape { get; } = shape;

    public ReadOnlyMemory<byte> Data { get; } = data;

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public static int ElementSize(SafetensorsDType dtype) => dtype == SafetensorsDType.F32 ? 4 : 2;

    /// <summary>The values widened to float, whatever the stored type.</summary>
    public float[] ToFloats()
    {
        var bytes = Data.Span;
        var values = new float[ElementCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = DType switch
            {
                SafetensorsDType.F32 => BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]),
                SafetensorsDType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]),
                _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16),
            };
        }
        return values;
    }

    /// <summary>A float32 CPU tensor with this tensor's shape.</summary>
    public Tensor ToTensor() => tensor(ToFloats(), [.. Shape]);

    /// <summary>Stores a tensor's values in the given type (bf16 is rounded to nearest even, as torch does).</summary>
    public static SafeTensor From(Tensor source, SafetensorsDType dtype = SafetensorsDType.F32)
    {
        using var cpu = source.detach().to(ScalarType.Float32, CPU).contiguous();
        var values = cpu.data<float>().ToArray();
        var data = new byte[values.Length * ElementSize(dtype)];
        for (var i = 0; i < values.Length; i++)
        {
            switch (dtype)
            {
                case SafetensorsDType.F32:
                    BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
                    break;
                case SafetensorsDType.F16:
                    BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(i * 2), (Half)values[i]);
                    break;
                default:
                    BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(i * 2), ToBFloat16(values[i]));
                    break;
            }
        }
        return new SafeTensor(dtype, cpu.shape, data);
    }

    private static ushort ToBFloat16(float value)
    {
        var bits = (uint)BitConverter.SingleToInt32Bits(value);
        if (float.IsNaN(value)) return (ushort)((bits >> 16) | 0x40);
        var roundingBias = 0x7FFFu + ((bits >> 16) & 1);
        return (ushort)((bits + roundingBias) >> 16);
    }
}
