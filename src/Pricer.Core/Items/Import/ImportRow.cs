namespace Pricer.Core.Items.Import;

/// <summary>One row of a source: an item ready to store, or the reason it cannot be.</summary>
public readonly record struct ImportRow(Item? Item, BadRow? BadRow)
{
    public static ImportRow Good(Item item) => new(item, null);

    public static ImportRow Bad(BadRow badRow) => new(null, badRow);
}
