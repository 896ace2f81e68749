namespace Pricer.Data.Items.Browsing;

/// <summary>Mean, extremes and percentiles (linear interpolation between ranks, as numpy's default) of prices.</summary>
public sealed record PriceSummary(
    double Mean,
    double Min,
    double P5,
    double P25,
    double Median,
    double P75,
    double P95,
    double Max,
    IReadOnlyList<HistogramBin> Linear,
    IReadOnlyList<HistogramBin> Logarithmic);

/// <summary>Items priced from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive).</summary>
public sealed record HistogramBin(double From, double To, int Count);
