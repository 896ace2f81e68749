namespace Pricer.Data.Runs.Comparison;

/// <summary>One item of a comparison with every compared run's guess, as scored (clamped at 0).</summary>
/// <param name="Position">0-based position in the split's order.</param>
/// <param name="Guesses">One entry per compared run, in the comparison's run order; null where that run made no guess.</param>
/// <param name="Closest">The runs (indexes into <paramref name="Guesses"/>) whose guess came closest; several on a tie.</param>
public sealed record ItemComparison(
    int Position,
    string ItemId,
    string Title,
    string Category,
    double Truth,
    IReadOnlyList<double?> Guesses,
    IReadOnlyList<int> Closest)
{
    /// <summary>|guess - truth| of one run; null where it made no guess.</summary>
    public double? ErrorOf(int run) => Guesses[run] is { } guess ? Math.Abs(guess - Truth) : null;
}
