using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>
/// Compared runs item by item: which run came closest on each item, each run's worst items, and the items
/// on which two runs disagree most. Runs are addressed by their index in the list it was built from.
/// </summary>
public sealed class ItemByItem
{
    // Errors that differ by less than a cent's fraction are a tie, not a win decided by rounding noise.
    private const double TieTolerance = 1e-9;

    private ItemByItem(int runCount, IReadOnlyList<ItemComparison> items)
    {
        RunCount = runCount;
        Items = items;
        var wins = new int[runCount];
        foreach (var item in items)
        {
            if (item.Closest.Count == 1) wins[item.Closest[0]]++;
            else if (item.Closest.Count > 1) Ties++;
        }
        Wins = wins;
    }

    public int RunCount { get; }

    /// <summary>Every item any run guessed, in split order.</summary>
    public IReadOnlyList<ItemComparison> Items { get; }

    /// <summary>Per run, the items on which it alone came closest.</summary>
    public IReadOnlyList<int> Wins { get; }

    /// <summary>Items on which two or more runs came equally close.</summary>
    public int Ties { get; }

    public static ItemByItem Build(IReadOnlyList<EvaluationResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var byPosition = new SortedDictionary<int, (ScoredItem First, double?[] Guesses)>();
        for (var run = 0; run < runs.Count; run++)
        {
            foreach (var scored in runs[run].Items)
            {
                if (!byPosition.TryGetValue(scored.Position, out var entry))
                    byPosition[scored.Position] = entry = (scored, new double?[runs.Count]);
                entry.Guesses[run] = scored.Guess;
            }
        }
        var items = byPosition.Values
            .Select(e => new ItemComparison(e.First.Position, e.First.ItemId, e.First.Title, e.First.Category, e.First.Truth, e.Guesses, ClosestRuns(e.First.Truth, e.Guesses)))
            .ToList();
        return new ItemByItem(runs.Count, items);
    }

    /// <summary>The run's items with the largest error first.</summary>
    public IReadOnlyList<ItemComparison> Worst(int run, int count)
    {
        CheckRun(run);
        return Items.Where(i => i.Guesses[run] is not null).OrderByDescending(i => i.ErrorOf(run)).ThenBy(i => i.Position).Take(count).ToList();
    }

    /// <summary>Items both runs guessed, the largest |guess_a - guess_b| first.</summary>
    public IReadOnlyList<Disagreement> Disagreements(int runA, int runB, int count)
    {
        CheckRun(runA);
        CheckRun(runB);
        return Items
            .Where(i => i.Guesses[runA] is not null && i.Guesses[runB] is not null)
            .Select(i => new Disagreement(i, Math.Abs(i.Guesses[runA]!.Value - i.Guesses[runB]!.Value)))
            .OrderByDescending(d => d.Difference)
            .ThenBy(d => d.Item.Position)
            .Take(count)
            .ToList();
    }

    private static int[] ClosestRuns(double truth, double?[] guesses)
    {
        var best = double.PositiveInfinity;
        foreach (var guess in guesses)
            if (guess is { } g) best = Math.Min(best, Math.Abs(g - truth));
        return Enumerable.Range(0, guesses.Length)
            .Where(run => guesses[run] is { } g && Math.Abs(g - truth) - best <= TieTolerance)
            .ToArray();
    }

    private void CheckRun(int run) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)run, (uint)RunCount, nameof(run));
}
