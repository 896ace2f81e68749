namespace Pricer.Core.Evaluation;

/// <summary>How a pricer did on the items of one category ("" where the item has none).</summary>
public sealed record CategoryError(string Category, int Count, double MeanError, double HitsPercent)
{
    /// <summary>One entry per category of <paramref name="items"/>, ordered by category name so runs line up side by side.</summary>
    public static IReadOnlyList<CategoryError> Summarize(IEnumerable<ScoredItem> items)
    {
        var totals = new SortedDictionary<string, (int Count, double ErrorSum, int Green)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (count, errorSum, green) = totals.GetValueOrDefault(item.Category);
            totals[item.Category] = (count + 1, errorSum + item.Error, green + (item.Color == GuessColor.Green ? 1 : 0));
        }
        return totals
            .Select(t => new CategoryError(t.Key, t.Value.Count, t.Value.ErrorSum / t.Value.Count, 100.0 * t.Value.Green / t.Value.Count))
            .ToArray();
    }
}
