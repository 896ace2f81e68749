using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class PriceMetricsTests
{
    private const int Digits = 12;

    [Fact]
    public void Three_items_by_hand()
    {
        // errors 10, 50, 0; colours green, orange ($50 is 25% of $200), green
        var metrics = PriceMetrics.Compute([100, 200, 50], [110, 150, 50]);

        Assert.Equal(3, metrics.Count);
        Assert.Equal(20, metrics.Error, Digits);
        Assert.Equal(10, metrics.MedianError, Digits);
        Assert.Equal(200.0 / 3, metrics.HitsPercent, Digits);
        Assert.Equal(2600.0 / 3, metrics.Mse, Digits);
        // mean truth 350/3, SS_tot = 35000/3, SS_res = 2600: 1 - 7800/35000
        Assert.Equal(0.7771428571428571, metrics.R2, Digits);
        Assert.Equal(77.71428571428571, metrics.R2Percent, Digits);
        // sqrt((ln(101/111)^2 + ln(201/151)^2 + 0) / 3)
        Assert.Equal(0.17389990406567193, metrics.Rmsle, Digits);
        // population sd of errors sqrt(1400/3) = 21.6025; 1.96 * 21.6025 / sqrt(3)
        Assert.Equal(24.445494926923082, metrics.ErrorCi95, Digits);
    }

    [Fact]
    public void Negative_guesses_are_clamped_before_every_metric()
    {
        // scored guesses 0 and 360: errors 10 and 60 (exactly 20%: orange)
        var metrics = PriceMetrics.Compute([10, 300], [-50, 360]);

        Assert.Equal(35, metrics.Error, Digits);
        Assert.Equal(50, metrics.HitsPercent, Digits);
        Assert.Equal(1850, metrics.Mse, Digits);
        // sqrt((ln 11 - ln 1)^2 + (ln 301 - ln 361)^2) / 2)
        Assert.Equal(1.7004324793621801, metrics.Rmsle, Digits);
        // SS_tot = 2 * 145^2 = 42050, SS_res = 3700
        Assert.Equal(1 - 3700.0 / 42050, metrics.R2, Digits);
    }

    [Fact]
    public void A_perfect_pricer_scores_zero_error_and_full_marks()
    {
        var metrics = PriceMetrics.Compute([1.5, 20, 999.99], [1.5, 20, 999.99]);

        Assert.Equal(new PriceMetrics(3, 0, 0, 100, 0, 1, 0, 0), metrics);
    }

    [Fact]
    public void R2_is_negative_when_worse_than_the_mean()
    {
        // SS_res = 4 + 0 + 4 = 8, SS_tot = 2
        Assert.Equal(-3, PriceMetrics.Compute([1, 2, 3], [3, 2, 1]).R2, Digits);
    }

    [Fact]
    public void R2_with_constant_truths_follows_sklearn()
    {
        Assert.Equal(1, PriceMetrics.Compute([100, 100], [100, 100]).R2);
        Assert.Equal(0, PriceMetrics.Compute([100, 100], [90, 110]).R2);
    }

    [Fact]
    public void R2_of_a_single_item_is_undefined_as_in_sklearn()
    {
        var metrics = PriceMetrics.Compute([100], [90]);

        Assert.True(double.IsNaN(metrics.R2));
        Assert.Equal(10, metrics.Error);
        Assert.Equal(0, metrics.ErrorCi95);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, PriceMetrics.Compute([100, 100, 100, 100], [110, 99, 102, 97]).MedianError, Digits);

    [Fact]
    public void Rejects_mismatched_lengths() =>
        AssertRejected(() => PriceMetrics.Compute([1, 2], [1]), "2 truths but 1 guesses");

    [Fact]
    public void Rejects_an_empty_set() =>
        AssertRejected(() => PriceMetrics.Compute([], []), "no guesses");

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Rejects_a_guess_that_is_not_finite(double guess) =>
        AssertRejected(() => PriceMetrics.Compute([10, 20], [10, guess]), "Guess #2");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Rejects_a_truth_that_is_not_a_positive_price(double truth) =>
        AssertRejected(() => PriceMetrics.Compute([truth], [10]), "Truth #1");

    private static void AssertRejected(Action compute, string messagePart)
    {
        var error = Assert.Throws<ArgumentException>(compute);
        Assert.Contains(messagePart, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
