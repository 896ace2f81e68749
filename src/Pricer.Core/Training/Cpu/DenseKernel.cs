using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pricer.Core.Training.Cpu;

/// <summary>
/// The small dense products of a ReLU stack's forward and backward pass, as one register-blocked kernel:
/// <c>C[r, :] += Σ_k S[r, k] · B[k, :]</c>, with S read through strides so that a transposed operand costs no copy.
/// </summary>
internal static class DenseKernel
{
    /// <summary><c>y += a · x</c>: one gathered embedding row into a sum, or one gradient row into a touched row's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<float> x, float a, Span<float> y)
    {
        if (y.Length < x.Length) throw new ArgumentException("The destination is shorter than the source.");
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        var scale = new Vector<float>(a);
        var i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref x0, (nuint)i), scale, Vector.LoadUnsafe(ref y0, (nuint)i)).StoreUnsafe(ref y0, (nuint)i);
        for (; i < x.Length; i++) y[i] = MathF.FusedMultiplyAdd(x[i], a, y[i]);
    }

    /// <param name="c">rows x columns, accumulated into.</param>
    /// <param name="s">The scalars: S[r, k] = s[r * rowStride + k * innerStride].</param>
    /// <param name="b">inner x columns, contiguous.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(Span<float> c, ReadOnlySpan<float> s, int rowStride, int innerStride, ReadOnlySpan<float> b, int rows, int inner, int columns)
    {
        if (c.Length < rows * columns || b.Length < inner * columns) throw new ArgumentException("The operands are smaller than their shapes.");
        ref var b0 = ref MemoryMarshal.GetReference(b);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        var width = Vector<float>.Count;
        for (var r = 0; r < rows; r++)
        {
            var column = 0;
            var row = (nuint)(r * columns);
            // Four vectors of C stay in registers over the whole inner loop.
            for (; column <= columns - 4 * width; column += 4 * width)
            {
                var at = row + (nuint)column;
                var a0 = Vector.LoadUnsafe(ref c0, at);
                var a1 = Vector.LoadUnsafe(ref c0, at + (nuint)width);
                var a2 = Vector.LoadUnsafe(ref c0, at + (nuint)(2 * width));
                var a3 = Vector.LoadUnsafe(ref c0, at + (nuint)(3 * width));
                for (var k = 0; k < inner; k++)
                {
                    var x = new Vector<float>(s[r * rowStride + k * innerStride]);
                    var from = (nuint)(k * columns + column);
                    a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b0, from), x, a0);
                    a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b0, from + (nuint)width), x, a1);
                    a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b0, from + (nuint)(2 * width)), x, a2);
                    a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b0, from + (nuint)(3 * width)), x, a3);
                }
                a0.StoreUnsafe(ref c0, at);
                a1.StoreUnsafe(ref c0, at + (nuint)width);
                a2.StoreUnsafe(ref c0, at + (nuint)(2 * width));
                a3.StoreUnsafe(ref c0, at + (nuint)(3 * width));
            }
            for (; column <= columns - width; column += width)
            {
                var at = row + (nuint)column;
                var a = Vector.LoadUnsafe(ref c0, at);
                for (var k = 0; k < inner; k++)
                    a = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref b0, (nuint)(k * columns + column)), new Vector<float>(s[r * rowStride + k * innerStride]), a);
                a.StoreUnsafe(ref c0, at);
            }
            for (; column < columns; column++)
            {
                var sum = c[r * columns + column];
                for (var k = 0; k < inner; k++) sum = MathF.FusedMultiplyAdd(s[r * rowStride + k * innerStride], b[k * columns + column], sum);
                c[r * columns + column] = sum;
            }
        }
    }
}
