using Pricer.Core.Items;

namespace Pricer.Data.Items.Browsing;

/// <summary>An item as a grid row: without its text and details, which only the item view needs.</summary>
public sealed record ItemRow
{
    public long Id { get; init; }
    public required string ExternalId { get; init; }
    public Split Split { get; init; }
    public int Position { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public double Price { get; init; }
}
