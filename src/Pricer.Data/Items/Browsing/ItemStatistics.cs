using Pricer.Core.Items;

namespace Pricer.Data.Items.Browsing;

/// <summary>What a data set (or one split of it) looks like.</summary>
/// <param name="SplitCounts">Items per split of the whole data set, whatever split was asked for.</param>
/// <param name="CategoryCounts">Items per category in the selection, largest first.</param>
/// <param name="Prices">Price figures of the selection; null when it is empty.</param>
public sealed record ItemStatistics(
    int Count,
    IReadOnlyDictionary<Split, int> SplitCounts,
    IReadOnlyList<CategoryCount> CategoryCounts,
    PriceSummary? Prices);

public sealed record CategoryCount(string Category, int Count);
