namespace Pricer.Data.Items.Browsing;

/// <summary>Round bin edges for linear and logarithmic histograms; the last edge lies above the highest price.</summary>
public static class HistogramEdges
{
    /// <summary>Equal-width bins of a round width (1, 2, 2.5 or 5 times a power of ten), about <paramref name="targetBins"/> of them.</summary>
    public static IReadOnlyList<double> Linear(double min, double max, int targetBins = 40)
    {
        var width = RoundWidth((max - min) / targetBins);
        var start = Math.Floor(min / width) * width;
        var edges = new List<double> { start };
        while (edges[^1] <= max) edges.Add(start + edges.Count * width);
        return edges;
    }

    /// <summary>Bins of equal width on a log scale, <paramref name="binsPerDecade"/> to each power of ten.</summary>
    public static IReadOnlyList<double> Logarithmic(double min, double max, int binsPerDecade = 10)
    {
        if (min <= 0) throw new ArgumentOutOfRangeException(nameof(min), min, "A log scale needs positive prices.");
        var step = 1.0 / binsPerDecade;
        var first = Math.Floor(Math.Log10(min) / step);
        var edges = new List<double> { Math.Pow(10, first * step) };
        while (edges[^1] <= max) edges.Add(Math.Pow(10, (first + edges.Count) * step));
        return edges;
    }

    private static double RoundWidth(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5 })
            if (rough <= factor * power) return factor * power;
        return 10 * power;
    }
}
