using Pricer.Core.Items;

namespace Pricer.Core.Tests.Evaluation;

/// <summary>Made-up items for evaluator tests that must not depend on ../shared.</summary>
internal static class SyntheticItems
{
    private static readonly string[] Categories = ["Automotive", "Electronics", "Toys_and_Games"];

    /// <summary>Items "{split}-0", "{split}-1"..., priced 10, 20, 30... unless a price is given.</summary>
    public static List<Item> Make(Split split, int count, Func<int, double>? price = null) =>
        Enumerable.Range(0, count)
            .Select(i => new Item(
                $"{split.ToName()}-{i}", split, $"Item {i}", Categories[i % Categories.Length],
                price?.Invoke(i) ?? 10.0 * (i + 1), $"Item {i} text", "", null, "synthetic"))
            .ToList();

    public static Dictionary<string, double> Guesses(IEnumerable<Item> items, Func<Item, double> guess) =>
        items.ToDictionary(item => item.Id, guess);
}
