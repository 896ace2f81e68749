namespace Pricer.Data.Items.Browsing;

/// <param name="TotalCount">How many items match the filter, over all pages; at most <see cref="ItemBrowser.SearchCountLimit"/> for a search.</param>
/// <param name="CountIsCapped">
/// A search matched more than <see cref="ItemBrowser.SearchCountLimit"/> items: the count stops there, and the default
/// order is the data set's order rather than relevance.
/// </param>
public sealed record ItemPage(IReadOnlyList<ItemRow> Rows, int TotalCount, bool CountIsCapped = false)
{
    /// <summary>
    /// For a search while the data set's search index is still being built: the part of the data set it covers so far
    /// (the hits come from that part only). Null when the index is complete or there is no search.
    /// </summary>
    public double? SearchIndexFraction { get; init; }
}
