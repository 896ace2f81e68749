namespace Pricer.Core.Evaluation;

/// <summary>The mean absolute error over the first <paramref name="Count"/> items, with its 95% band.</summary>
/// <param name="Ci95">Half-width of the band: 1.96 * population sd / sqrt(Count); 0 when Count is 1.</param>
public readonly record struct RunningErrorPoint(int Count, double MeanError, double Ci95)
{
    public double Lower => MeanError - Ci95;

    public double Upper => MeanError + Ci95;

    /// <summary>One point per prefix of <paramref name="errors"/>: k = 1..n, in order.</summary>
    public static IReadOnlyList<RunningErrorPoint> Trace(ReadOnlySpan<double> errors)
    {
        var points = new RunningErrorPoint[errors.Length];
        var running = new RunningMean();
        for (var i = 0; i < errors.Length; i++)
        {
            running.Add(errors[i]);
            points[i] = new RunningErrorPoint(running.Count, running.Mean, running.Ci95);
        }
        return points;
    }
}
