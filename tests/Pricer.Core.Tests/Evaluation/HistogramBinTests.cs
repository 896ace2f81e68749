using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class HistogramBinTests
{
    [Fact]
    public void Uses_round_widths_from_zero_to_the_largest_value()
    {
        // 999 / 20 bins = 49.95, rounded up to a width of 50
        var bins = HistogramBin.Build([0, 5, 49.99, 50, 120, 999]);

        Assert.Equal(20, bins.Count);
        Assert.Equal(new HistogramBin(0, 50, 3), bins[0]);
        Assert.Equal(new HistogramBin(50, 100, 1), bins[1]);
        Assert.Equal(new HistogramBin(100, 150, 1), bins[2]);
        Assert.Equal(new HistogramBin(950, 1000, 1), bins[19]);
        Assert.Equal(6, bins.Sum(b => b.Count));
    }

    [Fact]
    public void The_largest_value_on_an_edge_falls_in_the_last_bin()
    {
        var bins = HistogramBin.Build([0, 100], maxBins: 2);

        Assert.Equal([new HistogramBin(0, 50, 1), new HistogramBin(50, 100, 1)], bins);
    }

    [Fact]
    public void Small_values_get_fractional_widths()
    {
        var bins = HistogramBin.Build([0.01, 0.3], maxBins: 3);

        // 0.3 / 3 = 0.1
        Assert.Equal(3, bins.Count);
        Assert.Equal(0.1, bins[0].To, 12);
        Assert.Equal([1, 0, 1], bins.Select(b => b.Count));
    }

    [Fact]
    public void All_zero_errors_make_one_bin() =>
        Assert.Equal([new HistogramBin(0, 1, 3)], HistogramBin.Build([0, 0, 0]));

    [Fact]
    public void No_values_make_no_bins() => Assert.Empty(HistogramBin.Build([]));
}
