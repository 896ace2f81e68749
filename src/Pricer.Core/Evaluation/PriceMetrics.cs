namespace Pricer.Core.Evaluation;

/// <summary>
/// Every number PricerWeb reports about a set of guesses, unrounded (round only for display, with
/// <see cref="MetricFormat"/>). Guesses are clamped at 0 before any of them is computed.
/// </summary>
/// <param name="Count">How many (truth, guess) pairs were scored.</param>
/// <param name="Error">Mean absolute error in dollars.</param>
/// <param name="Rmsle">Root mean squared error of ln(price + 1).</param>
/// <param name="HitsPercent">Share of green guesses, 0-100.</param>
/// <param name="Mse">Mean squared error in squared dollars.</param>
/// <param name="R2">sklearn's r2_score as a fraction (1 is perfect; can be negative); NaN for fewer than 2 pairs.</param>
/// <param name="MedianError">Median absolute error (the mean of the two middle errors when the count is even).</param>
/// <param name="ErrorCi95">Half-width of the 95% band of <paramref name="Error"/>: 1.96 * population sd / sqrt(n).</param>
public sealed record PriceMetrics(
    int Count,
    double Error,
    double Rmsle,
    double HitsPercent,
    double Mse,
    double R2,
    double MedianError,
    double ErrorCi95)
{
    /// <summary>R² as the course 2025 report prints it: 100 * (1 - SS_res / SS_tot).</summary>
    public double R2Percent => 100 * R2;

    /// <summary>Scores guesses against truths, pair by pair.</summary>
    /// <exception cref="ArgumentException">The lengths differ, nothing is given, a truth is not a positive finite price, or a guess is not finite.</exception>
    public static PriceMetrics Compute(ReadOnlySpan<double> truths, ReadOnlySpan<double> guesses)
    {
        if (truths.Length != guesses.Length)
            throw new ArgumentException($"{truths.Length} truths but {guesses.Length} guesses: every truth needs exactly one guess.", nameof(guesses));
        if (truths.IsEmpty)
            throw new ArgumentException("There are no guesses to score.", nameof(truths));

        var n = truths.Length;
        var errors = new double[n];
        var errorStats = new RunningMean();
        double squaredLogErrorSum = 0, squaredErrorSum = 0, truthSum = 0;
        var green = 0;
        for (var i = 0; i < n; i++)
        {
            var truth = truths[i];
            if (!double.IsFinite(truth) || truth <= 0)
                throw new ArgumentException($"Truth #{i + 1} is {truth}: a true price must be a positive finite number.", nameof(truths));
            if (!double.IsFinite(guesses[i]))
                throw new ArgumentException($"Guess #{i + 1} is {guesses[i]}: a guess must be a finite number.", nameof(guesses));

            var guess = GuessRule.Clamp(guesses[i]);
            var error = Math.Abs(guess - truth);
            var logError = Math.Log(truth + 1) - Math.Log(guess + 1);
            errors[i] = error;
            errorStats.Add(error);
            squaredLogErrorSum += logError * logError;
            squaredErrorSum += error * error;
            truthSum += truth;
            if (GuessRule.ColorOf(truth, guess) == GuessColor.Green) green++;
        }

        var truthMean = truthSum / n;
        double totalSquares = 0;
        foreach (var truth in truths) totalSquares += (truth - truthMean) * (truth - truthMean);

        return new PriceMetrics(
            Count: n,
            Error: errorStats.Mean,
            Rmsle: Math.Sqrt(squaredLogErrorSum / n),
            HitsPercent: 100.0 * green / n,
            Mse: squaredErrorSum / n,
            R2: RSquared(n, squaredErrorSum, totalSquares),
            MedianError: Median(errors),
            ErrorCi95: errorStats.Ci95);
    }

    // sklearn's r2_score (force_finite=True): NaN below 2 samples; with constant truths (SS_tot = 0) it is
    // 1 for a perfect fit and 0 otherwise, instead of dividing by zero.
    private static double RSquared(int n, double residualSquares, double totalSquares) =>
        n < 2 ? double.NaN
        : totalSquares != 0 ? 1 - residualSquares / totalSquares
        : residualSquares == 0 ? 1 : 0;

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
