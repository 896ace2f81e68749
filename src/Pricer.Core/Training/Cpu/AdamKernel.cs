using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pricer.Core.Training.Cpu;

/// <summary>
/// Adam's update as one pass over a parameter's memory: reads p, g, m and v once and writes p, m and v, where
/// torch's optimizer makes some ten passes and temporaries. The pass is memory-bound, so Vector&lt;float&gt;
/// (AVX2's 8 lanes here) is as fast as wider vectors would be.
/// </summary>
internal static class AdamKernel
{
    /// <param name="gradient">The gradient, or empty where it is zero (embedding rows no item in the batch touched).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> average, Span<float> squares, in AdamCoefficients c)
    {
        var hasGradient = !gradient.IsEmpty;
        if (hasGradient && gradient.Length != parameter.Length) throw new ArgumentException("The gradient and the parameter differ in length.");
        ref var p = ref MemoryMarshal.GetReference(parameter);
        ref var g = ref MemoryMarshal.GetReference(gradient);
        ref var m = ref MemoryMarshal.GetReference(average);
        ref var v = ref MemoryMarshal.GetReference(squares);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var beta1 = new Vector<float>(c.Beta1);
            var oneMinusBeta1 = new Vector<float>(c.OneMinusBeta1);
            var beta2 = new Vector<float>(c.Beta2);
            var oneMinusBeta2 = new Vector<float>(c.OneMinusBeta2);
            var epsilon = new Vector<float>(c.Epsilon);
            var stepSize = new Vector<float>(c.StepSize);
            var inverseSqrt = new Vector<float>(c.InverseSqrtCorrection2);
            var l2 = new Vector<float>(c.L2);
            var decay = new Vector<float>(c.Decay);
            var scale = new Vector<float>(c.GradientScale);
            for (; i <= parameter.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var at = (nuint)i;
                var pi = Vector.LoadUnsafe(ref p, at);
                var gi = hasGradient ? Vector.LoadUnsafe(ref g, at) * scale : Vector<float>.Zero;
                gi = Vector.FusedMultiplyAdd(pi, l2, gi);
                pi *= decay;
                var mi = Vector.FusedMultiplyAdd(gi, oneMinusBeta1, Vector.LoadUnsafe(ref m, at) * beta1);
                var vi = Vector.LoadUnsafe(ref v, at) * beta2 + oneMinusBeta2 * gi * gi;
                var denominator = Vector.SquareRoot(vi) * inverseSqrt + epsilon;
                pi += stepSize * mi / denominator;
                mi.StoreUnsafe(ref m, at);
                vi.StoreUnsafe(ref v, at);
                pi.StoreUnsafe(ref p, at);
            }
        }
        for (; i < parameter.Length; i++)
        {
            var pi = parameter[i];
            var gi = hasGradient ? gradient[i] * c.GradientScale : 0f;
            gi = MathF.FusedMultiplyAdd(pi, c.L2, gi);
            pi *= c.Decay;
            var mi = MathF.FusedMultiplyAdd(gi, c.OneMinusBeta1, average[i] * c.Beta1);
            var vi = squares[i] * c.Beta2 + c.OneMinusBeta2 * gi * gi;
            pi += c.StepSize * mi / (MathF.Sqrt(vi) * c.InverseSqrtCorrection2 + c.Epsilon);
            average[i] = mi;
            squares[i] = vi;
            parameter[i] = pi;
        }
    }
}
