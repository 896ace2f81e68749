namespace Pricer.Data.Items.Browsing;

/// <summary>
/// Round histogram bins that cover a price range: bin k holds prices from <see cref="Edge"/>(k) up to Edge(k + 1).
/// Linear bins have a round width (1, 2, 2.5 or 5 times a power of ten); logarithmic bins split each power of ten
/// into equal steps on a log scale.
/// </summary>
public sealed record HistogramScale
{
    private HistogramScale(bool isLogarithmic, double resolution, double min, double max)
    {
        IsLogarithmic = isLogarithmic;
        Resolution = resolution;
        First = GridLine(min);
        Count = GridLine(max) - First + 1;
    }

    public bool IsLogarithmic { get; }

    /// <summary>Linear: the bin width in dollars. Logarithmic: bins per power of ten.</summary>
    public double Resolution { get; }

    /// <summary>The first bin's number on the scale's grid, which starts at 0 (linear) or $1 (logarithmic).</summary>
    public int First { get; }

    public int Count { get; }

    public static HistogramScale Linear(double min, double max, int targetBins = 40) => new(false, RoundWidth((max - min) / targetBins), min, max);

    public static HistogramScale Logarithmic(double min, double max, int binsPerDecade = 10)
    {
        if (min <= 0) throw new ArgumentOutOfRangeException(nameof(min), min, "A log scale needs positive prices.");
        return new HistogramScale(true, binsPerDecade, min, max);
    }

    public double Edge(int bin) => IsLogarithmic ? Math.Pow(10, (First + bin) / Resolution) : (First + bin) * Resolution;

    /// <summary>The number of the grid line at or below a price.</summary>
    private int GridLine(double price) => (int)Math.Floor(IsLogarithmic ? Math.Log10(price) * Resolution : price / Resolution);

    private static double RoundWidth(double rough)
    {
        if (rough <= 0 || !double.IsFinite(rough)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5 })
            if (rough <= factor * power) return factor * power;
        return 10 * power;
    }
}
