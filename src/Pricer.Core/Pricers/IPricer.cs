using Pricer.Core.Items;

namespace Pricer.Core.Pricers;

/// <summary>Something that guesses an item's price in dollars; every guess is finite and at least 0.</summary>
public interface IPricer
{
    string Name { get; }

    double Price(Item item);

    /// <summary>One guess per item, in the items' order; learned pricers score the whole list in one pass.</summary>
    IReadOnlyList<double> PriceAll(IReadOnlyList<Item> items) => items.Select(Price).ToArray();
}
