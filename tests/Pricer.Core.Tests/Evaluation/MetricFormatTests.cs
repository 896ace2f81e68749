using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class MetricFormatTests
{
    private static readonly PriceMetrics Human = new(250, 126.54776000000008, 1.0018589758137455, 32.0, 40_000.4, 0.0625, 90, 14.125);

    [Fact]
    public void Rounds_like_the_course_f_strings_only_for_display()
    {
        Assert.Equal("1,234.50", MetricFormat.Dollars(1234.5));
        Assert.Equal("126.55", MetricFormat.Dollars(126.54776000000008));
        Assert.Equal("1.00", MetricFormat.Rmsle(1.0018589758137455));
        Assert.Equal("32.0", MetricFormat.Percent(32));
        Assert.Equal("12,346", MetricFormat.Mse(12_345.6));
        Assert.Equal("-300.0", MetricFormat.Percent(-300));
    }

    [Fact]
    public void Exact_ties_round_half_to_even_like_python()
    {
        // Python: f"{126.125:,.2f}" == "126.12", f"{126.375:,.2f}" == "126.38", f"{32.25:.1f}" == "32.2"
        Assert.Equal("126.12", MetricFormat.Dollars(126.125));
        Assert.Equal("126.38", MetricFormat.Dollars(126.375));
        Assert.Equal("32.2", MetricFormat.Percent(32.25));
    }

    [Fact]
    public void Undefined_values_show_as_not_available()
    {
        Assert.Equal("n/a", MetricFormat.Percent(double.NaN));
        Assert.Equal("n/a", MetricFormat.Format(Metric.R2, Human with { R2 = double.NaN }));
    }

    [Theory]
    [InlineData(Metric.Error, "Error", "$126.55")]
    [InlineData(Metric.Rmsle, "RMSLE", "1.00")]
    [InlineData(Metric.Hits, "Hits", "32.0%")]
    [InlineData(Metric.Mse, "MSE", "40,000")]
    [InlineData(Metric.R2, "R²", "6.2%")]
    [InlineData(Metric.MedianError, "Median error", "$90.00")]
    public void Formats_each_metric_with_its_label(Metric metric, string label, string shown)
    {
        Assert.Equal(label, MetricFormat.Label(metric));
        Assert.Equal(shown, MetricFormat.Format(metric, Human));
    }

    [Fact]
    public void Chart_titles_read_like_the_course()
    {
        Assert.Equal("Human Pricer Error=$126.55 RMSLE=1.00 Hits=32.0%", ChartTitles.Scatter("Human Pricer", Human));
        Assert.Equal("Human Pricer Error: $126.55 ± $14.12", ChartTitles.ErrorTrend("Human Pricer", Human));
    }
}
