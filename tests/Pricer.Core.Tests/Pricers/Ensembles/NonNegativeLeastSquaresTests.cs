using Pricer.Core.Pricers.Ensembles;

namespace Pricer.Core.Tests.Pricers.Ensembles;

public class NonNegativeLeastSquaresTests
{
    [Fact]
    public void Matches_the_published_lsqnonneg_example()
    {
        // MATLAB's lsqnonneg documentation: the unconstrained solution has a negative first coefficient.
        double[,] c = { { 0.0372, 0.2869 }, { 0.6861, 0.7071 }, { 0.6233, 0.6245 }, { 0.6344, 0.6170 } };
        double[] d = [0.8587, 0.1781, 0.0747, 0.8405];

        var x = NonNegativeLeastSquares.Solve(c, d);

        Assert.Equal(0, x[0], 1e-12);
        Assert.Equal(0.6929, x[1], 1e-4);
    }

    [Fact]
    public void Recovers_non_negative_weights_that_fit_exactly()
    {
        var random = new Random(5);
        var a = new double[50, 3];
        for (var r = 0; r < 50; r++)
            for (var c = 0; c < 3; c++) a[r, c] = 10 + 100 * random.NextDouble();
        var b = Enumerable.Range(0, 50).Select(r => 0.3 * a[r, 0] + 0.7 * a[r, 2]).ToArray();

        var x = NonNegativeLeastSquares.Solve(a, b);

        Assert.Equal(0.3, x[0], 1e-8);
        Assert.Equal(0, x[1], 1e-8);
        Assert.Equal(0.7, x[2], 1e-8);
    }

    [Fact]
    public void Two_copies_of_one_column_share_its_weight()
    {
        double[,] a = { { 1, 1 }, { 2, 2 }, { 3, 3 } };

        var x = NonNegativeLeastSquares.Solve(a, [2, 4, 6]);

        Assert.All(x, w => Assert.True(w >= 0));
        Assert.Equal(2, x.Sum(), 1e-6);
    }

    [Fact]
    public void A_target_no_non_negative_mix_approaches_gives_all_zeros()
    {
        var x = NonNegativeLeastSquares.Solve(new double[,] { { 1, 2 }, { 3, 4 } }, [-1, -2]);

        Assert.Equal([0.0, 0.0], x);
    }

    [Fact]
    public void Bad_input_is_refused_with_where_it_is()
    {
        Assert.Contains("b has 1", Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(new double[2, 2], [1])).Message);
        Assert.Contains("A[1,0]", Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(new double[,] { { 1, 1 }, { double.NaN, 1 } }, [1, 1])).Message);
        Assert.Contains("b[0]", Assert.Throws<ArgumentException>(() => NonNegativeLeastSquares.Solve(new double[,] { { 1 } }, [double.PositiveInfinity])).Message);
    }
}
