using Pricer.Core.Items;

namespace Pricer.Data.Items;

/// <summary>An item as stored; <see cref="Position"/> keeps the source's order within its split.</summary>
public sealed class ItemRecord
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    public required string ExternalId { get; set; }
    public Split Split { get; set; }

    /// <summary>0-based place in the split, in the order of the source file ("the first 250 test items").</summary>
    public int Position { get; set; }

    public required string Title { get; set; }
    public required string Category { get; set; }
    public double Price { get; set; }
    public required string Text { get; set; }
    public required string Details { get; set; }
    public double? Weight { get; set; }
    public required string Source { get; set; }

    public Item ToItem() => new(ExternalId, Split, Title, Category, Price, Text, Details, Weight, Source);
}
