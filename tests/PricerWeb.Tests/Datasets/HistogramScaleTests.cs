using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class HistogramScaleTests
{
    [Theory]
    [InlineData(0.88, 999.99, 25, 0, 40)]
    [InlineData(5.49, 399, 10, 0, 40)]
    [InlineData(100, 100, 1, 100, 1)]
    [InlineData(10, 30, 0.5, 20, 41)]
    public void Linear_bins_have_a_round_width_and_cover_the_range(double min, double max, double width, int first, int count)
    {
        var scale = HistogramScale.Linear(min, max);

        Assert.Equal(width, scale.Resolution, 12);
        Assert.Equal((first, count), (scale.First, scale.Count));
        Assert.True(scale.Edge(0) <= min && scale.Edge(scale.Count) > max);
    }

    [Fact]
    public void Logarithmic_bins_split_each_power_of_ten_evenly()
    {
        var scale = HistogramScale.Logarithmic(0.88, 999.99);

        Assert.Equal(Math.Pow(10, -0.1), scale.Edge(0), 12);
        Assert.Equal(31, scale.Count);
        Assert.Equal(1, scale.Edge(1), 12);
        Assert.Equal(10, scale.Edge(11), 12);
        Assert.Equal(1000, scale.Edge(31), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramScale.Logarithmic(0, 10));
    }
}
