using Pricer.Core.Items;

namespace Pricer.Core.Evaluation;

/// <summary>The one evaluator every pricer is judged by.</summary>
public static class Evaluator
{
    /// <summary>
    /// Scores the guesses for the items <paramref name="report"/> covers: the first Size items of
    /// <paramref name="splitItems"/> (the report's split, in the data set's order), or all of them.
    /// Items without a guess are not scored as 0: they are listed in MissingItemIds, left out of every metric,
    /// and the result says so in CoverageNote. That keeps a run with a few failed LLM calls inspectable,
    /// while callers that compare runs (leaderboard, CLI) can tell a partial result from a complete one.
    /// Guesses for items outside the report are ignored (one run's test guesses serve every test report).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An item of the report is from another split or appears twice, a guess is not finite, or no item of the report has a guess.
    /// </exception>
    public static EvaluationResult Evaluate(
        ReportDefinition report,
        string pricerName,
        IReadOnlyList<Item> splitItems,
        IReadOnlyDictionary<string, double> guessesById)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(pricerName);
        ArgumentNullException.ThrowIfNull(splitItems);
        ArgumentNullException.ThrowIfNull(guessesById);

        var expectedCount = report.CountIn(splitItems.Count);
        if (expectedCount == 0)
            throw new ArgumentException($"The {report.Split.ToName()} split has no items, so report '{report.Key}' has nothing to score.", nameof(splitItems));

        var (items, missing) = ScoreItems(report, splitItems, expectedCount, guessesById);
        if (items.Length == 0)
            throw new ArgumentException($"None of the {expectedCount} items of report '{report.Key}' has a guess.", nameof(guessesById));

        var truths = new double[items.Length];
        var guesses = new double[items.Length];
        var errors = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
            (truths[i], guesses[i], errors[i]) = (items[i].Truth, items[i].Guess, items[i].Error);

        return new EvaluationResult
        {
            Report = report,
            PricerName = pricerName,
            ExpectedCount = expectedCount,
            Metrics = PriceMetrics.Compute(truths, guesses),
            Items = items,
            MissingItemIds = missing,
            RunningError = RunningErrorPoint.Trace(errors),
            ErrorHistogram = HistogramBin.Build(errors),
            ErrorByCategory = CategoryError.Summarize(items),
            CoverageNote = DescribeCoverage(report, splitItems.Count, expectedCount, missing.Length),
        };
    }

    private static (ScoredItem[] Items, string[] Missing) ScoreItems(
        ReportDefinition report, IReadOnlyList<Item> splitItems, int expectedCount, IReadOnlyDictionary<string, double> guessesById)
    {
        var scored = new List<ScoredItem>(expectedCount);
        var missing = new List<string>();
        var seen = new HashSet<string>(expectedCount, StringComparer.Ordinal);
        for (var position = 0; position < expectedCount; position++)
        {
            var item = splitItems[position];
            if (item.Split != report.Split)
                throw new ArgumentException(
                    $"Item {item.Id} at position {position} is in the {item.Split.ToName()} split, but report '{report.Key}' scores the {report.Split.ToName()} split.",
                    nameof(splitItems));
            if (!seen.Add(item.Id))
                throw new ArgumentException($"Item {item.Id} appears more than once among the first {expectedCount} {report.Split.ToName()} items.", nameof(splitItems));
            if (!guessesById.TryGetValue(item.Id, out var rawGuess))
            {
                missing.Add(item.Id);
                continue;
            }
            if (!double.IsFinite(rawGuess))
                throw new ArgumentException($"The guess for item {item.Id} is {rawGuess}: a guess must be a finite number.", nameof(guessesById));

            var guess = GuessRule.Clamp(rawGuess);
            scored.Add(new ScoredItem(
                position, item.Id, item.Title, item.Category, item.Price, guess, Math.Abs(guess - item.Price), GuessRule.ColorOf(item.Price, guess)));
        }
        return (scored.ToArray(), missing.ToArray());
    }

    private static string? DescribeCoverage(ReportDefinition report, int splitCount, int expectedCount, int missingCount)
    {
        var notes = new List<string>(2);
        if (report.Size is { } size && splitCount < size)
            notes.Add($"The {report.Split.ToName()} split has only {splitCount} items, report '{report.Key}' asks for the first {size}.");
        if (missingCount > 0)
            notes.Add($"{missingCount} of the {expectedCount} items have no guess and are left out of the metrics.");
        return notes.Count == 0 ? null : string.Join(" ", notes);
    }
}
