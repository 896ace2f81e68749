namespace Pricer.Core.Training.Cpu;

/// <summary>
/// One Adam/AdamW step's scalars for one parameter, rounded to float as torch rounds them when it applies the
/// step to a float tensor: <c>m = b1·m + (1-b1)·g</c>, <c>v = b2·v + (1-b2)·g²</c>,
/// <c>p += StepSize·m / (sqrt(v)·InverseSqrtCorrection2 + Epsilon)</c>, with <c>g += L2·p</c> first for Adam's weight
/// decay and <c>p ·= Decay</c> first for AdamW's.
/// </summary>
internal readonly record struct AdamCoefficients(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float Epsilon,
    float StepSize, float InverseSqrtCorrection2, float L2, float Decay, float GradientScale)
{
    /// <param name="step">The step about to be taken, counted from 1.</param>
    public static AdamCoefficients For(long step, double learningRate, double beta1, double beta2, double epsilon,
        double weightDecay, bool decoupled, float gradientScale)
    {
        var correction1 = 1 - Math.Pow(beta1, step);
        var correction2 = 1 - Math.Pow(beta2, step);
        return new AdamCoefficients(
            (float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), (float)epsilon,
            (float)(-learningRate / correction1), 1f / (float)Math.Sqrt(correction2),
            decoupled ? 0f : (float)weightDecay, decoupled ? (float)(1 - learningRate * weightDecay) : 1f, gradientScale);
    }
}
