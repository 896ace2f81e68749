using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class RunningErrorPointTests
{
    [Fact]
    public void Traces_the_mean_of_each_prefix_with_its_95_percent_band()
    {
        var points = RunningErrorPoint.Trace([10, 50, 0]);

        Assert.Equal([1, 2, 3], points.Select(p => p.Count));
        Assert.Equal([10, 30, 20], points.Select(p => p.MeanError));
        Assert.Equal(0, points[0].Ci95);
        // sd of {10, 50} is 20: 1.96 * 20 / sqrt(2)
        Assert.Equal(27.71858582251266, points[1].Ci95, 12);
        Assert.Equal(30 - 27.71858582251266, points[1].Lower, 12);
        Assert.Equal(30 + 27.71858582251266, points[1].Upper, 12);
        Assert.Equal(24.445494926923082, points[2].Ci95, 12);
    }

    [Fact]
    public void Equal_errors_have_no_spread()
    {
        var points = RunningErrorPoint.Trace([7.25, 7.25, 7.25, 7.25]);

        Assert.All(points, p => Assert.Equal((7.25, 0.0), (p.MeanError, p.Ci95)));
    }

    [Fact]
    public void No_errors_give_no_points() => Assert.Empty(RunningErrorPoint.Trace([]));
}
