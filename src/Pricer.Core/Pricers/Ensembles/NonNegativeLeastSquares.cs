namespace Pricer.Core.Pricers.Ensembles;

/// <summary>
/// Solves min ||A x - b||² subject to x >= 0 with the Lawson-Hanson active-set method (1974), which ends in
/// finitely many steps with the exact solution. Sizes here are small: a few runs over a few thousand items.
/// </summary>
public static class NonNegativeLeastSquares
{
    private const double Tolerance = 1e-10;

    /// <param name="a">Rows are observations, columns are variables.</param>
    /// <param name="b">One target per row.</param>
    public static double[] Solve(double[,] a, double[] b)
    {
        var rows = a.GetLength(0);
        var columns = a.GetLength(1);
        if (b.Length != rows) throw new ArgumentException($"A has {rows} rows but b has {b.Length} values.", nameof(b));
        for (var r = 0; r < rows; r++)
        {
            if (!double.IsFinite(b[r])) throw new ArgumentException($"b[{r}] is not a finite number.", nameof(b));
            for (var c = 0; c < columns; c++)
                if (!double.IsFinite(a[r, c])) throw new ArgumentException($"A[{r},{c}] is not a finite number.", nameof(a));
        }

        // Work on the normal equations: AᵀA is columns x columns, so every step is cheap however many rows there are.
        var gram = new double[columns, columns];
        var atb = new double[columns];
        for (var r = 0; r < rows; r++)
            for (var i = 0; i < columns; i++)
            {
                atb[i] += a[r, i] * b[r];
                for (var j = i; j < columns; j++) gram[i, j] += a[r, i] * a[r, j];
            }
        for (var i = 0; i < columns; i++)
            for (var j = 0; j < i; j++) gram[i, j] = gram[j, i];
        var scale = Math.Max(1, Enumerable.Range(0, columns).Max(i => Math.Abs(atb[i])));

        var x = new double[columns];
        var passive = new bool[columns];
        for (var iteration = 0; iteration < 30 * columns + 30; iteration++)
        {
            var gradient = Gradient(gram, atb, x);
            var best = -1;
            for (var j = 0; j < columns; j++)
                if (!passive[j] && gradient[j] > Tolerance * scale && (best < 0 || gradient[j] > gradient[best])) best = j;
            if (best < 0) return x;
            passive[best] = true;

            while (true)
            {
                var z = SolvePassive(gram, atb, passive);
                if (Enumerable.Range(0, columns).All(j => !passive[j] || z[j] > 0))
                {
                    x = z;
                    break;
                }
                // Step from x towards z only as far as keeps every passive variable non-negative, then drop those at zero.
                var alpha = 1.0;
                for (var j = 0; j < columns; j++)
                    if (passive[j] && z[j] <= 0) alpha = Math.Min(alpha, x[j] / (x[j] - z[j]));
                for (var j = 0; j < columns; j++)
                {
                    x[j] += alpha * (z[j] - x[j]);
                    if (passive[j] && x[j] <= Tolerance) { passive[j] = false; x[j] = 0; }
                }
            }
        }
        return x;
    }

    private static double[] Gradient(double[,] gram, double[] atb, double[] x)
    {
        var n = atb.Length;
        var gradient = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = atb[i];
            for (var j = 0; j < n; j++) sum -= gram[i, j] * x[j];
            gradient[i] = sum;
        }
        return gradient;
    }

    /// <summary>The unconstrained least-squares solution over the passive variables (the others stay 0).</summary>
    private static double[] SolvePassive(double[,] gram, double[] atb, bool[] passive)
    {
        var index = Enumerable.Range(0, atb.Length).Where(j => passive[j]).ToArray();
        var n = index.Length;
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = gram[index[i], index[j]];
            m[i, n] = atb[index[i]];
        }
        // Gaussian elimination with partial pivoting; a tiny ridge keeps collinear members (two copies of one run) solvable.
        for (var i = 0; i < n; i++) m[i, i] += 1e-12 * Math.Max(1, m[i, i]);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            for (var c = 0; c <= n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            for (var r = 0; r < n; r++)
            {
                if (r == col || m[col, col] == 0) continue;
                var factor = m[r, col] / m[col, col];
                for (var c = col; c <= n; c++) m[r, c] -= factor * m[col, c];
            }
        }
        var z = new double[atb.Length];
        for (var i = 0; i < n; i++) z[index[i]] = m[i, i] == 0 ? 0 : m[i, n] / m[i, i];
        return z;
    }
}
