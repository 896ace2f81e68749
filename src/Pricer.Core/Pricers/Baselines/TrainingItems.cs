using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

internal static class TrainingItems
{
    /// <exception cref="ArgumentException">The list is empty or an item's price is unusable (the message names the item).</exception>
    public static void Check(IReadOnlyList<Item> train)
    {
        if (train.Count == 0) throw new ArgumentException("Cannot train a baseline on no items.", nameof(train));
        foreach (var item in train)
        {
            if (ItemRules.CheckPrice(item.Price) is { } problem)
                throw new ArgumentException($"Cannot train on item '{item.Id}': {problem}.", nameof(train));
        }
    }
}
