using System.Globalization;
using Pricer.Core.Evaluation;
using Pricer.Testing;

namespace Pricer.Core.Tests.Evaluation;

/// <summary>
/// tests/fixtures/evaluation/truth_guess_pairs.csv holds 60 made-up pairs (boundary cases, negative guesses,
/// random ones). The expected numbers come from numpy 1.24 / sklearn 1.2.1, run once:
/// <code>
/// t, g = np.loadtxt('truth_guess_pairs.csv', delimiter=',', skiprows=1, unpack=True)
/// g = np.maximum(g, 0); e = np.abs(g - t)
/// print(e.mean(), np.sqrt(np.mean((np.log(t + 1) - np.log(g + 1)) ** 2)), 100 * ((e &lt; 40) | (e / t &lt; 0.2)).mean(),
///       mean_squared_error(t, g), r2_score(t, g), np.median(e), 1.96 * e.std() / np.sqrt(len(e)))
/// </code>
/// </summary>
public class TruthGuessPairsFixtureTests
{
    [Fact]
    public void Metrics_match_numpy_and_sklearn()
    {
        var (truths, guesses) = ReadPairs();

        var m = PriceMetrics.Compute(truths, guesses);

        Assert.Equal(60, m.Count);
        Assert.Equal(293.92116666666664, m.Error, 9);
        Assert.Equal(2.2105363665332765, m.Rmsle, 9);
        Assert.Equal(20.0, m.HitsPercent, 9);
        Assert.Equal(159151.54966166668, m.Mse, 6);
        Assert.Equal(-0.899559383854956, m.R2, 9);
        Assert.Equal(208.685, m.MedianError, 9);
        Assert.Equal(68.25468301788145, m.ErrorCi95, 9);
    }

    private static (double[] Truths, double[] Guesses) ReadPairs()
    {
        var rows = File.ReadAllLines(Path.Combine(SharedData.Fixtures, "evaluation", "truth_guess_pairs.csv"))
            .Skip(1)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[0]).ToArray(), rows.Select(r => r[1]).ToArray());
    }
}
