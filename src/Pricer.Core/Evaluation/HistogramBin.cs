namespace Pricer.Core.Evaluation;

/// <summary>One bar of a histogram: the values v with From &lt;= v &lt; To (the last bar also holds v = To).</summary>
public readonly record struct HistogramBin(double From, double To, int Count)
{
    /// <summary>
    /// Equal-width bins from 0 to the largest value, the width rounded up to 1, 2 or 5 times a power of ten
    /// so that bar edges read well ($0-50, $50-100...); at most <paramref name="maxBins"/> bins.
    /// Values are expected to be finite and non-negative, as errors are.
    /// </summary>
    public static IReadOnlyList<HistogramBin> Build(ReadOnlySpan<double> values, int maxBins = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        if (values.IsEmpty) return [];

        var max = 0.0;
        foreach (var value in values) max = Math.Max(max, value);
        var width = NiceWidth(max / maxBins);
        var binCount = Math.Clamp((int)Math.Ceiling(max / width), 1, maxBins);

        var counts = new int[binCount];
        foreach (var value in values) counts[Math.Min((int)(value / width), binCount - 1)]++;

        var bins = new HistogramBin[binCount];
        for (var i = 0; i < binCount; i++) bins[i] = new HistogramBin(i * width, (i + 1) * width, counts[i]);
        return bins;
    }

    private static double NiceWidth(double atLeast)
    {
        if (atLeast <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(atLeast)));
        var fraction = atLeast / power;
        var step = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return step * power;
    }
}
