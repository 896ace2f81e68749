using Pricer.Core.Items;

namespace PricerWeb.Tests.Compare;

/// <summary>An item to seed: its id, split, price and category; title and text are made from the id.</summary>
internal sealed record TestItem(string Id, Split Split, double Price, string Category = "Automotive", string? Title = null)
{
    public static TestItem Test(string id, double price, string category = "Automotive", string? title = null) => new(id, Split.Test, price, category, title);
}
