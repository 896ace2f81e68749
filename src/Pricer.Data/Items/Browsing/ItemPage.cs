namespace Pricer.Data.Items.Browsing;

/// <param name="TotalCount">How many items match the filter, over all pages; at most <see cref="ItemBrowser.SearchCountLimit"/> for a search.</param>
/// <param name="CountIsCapped">
/// A search matched more than <see cref="ItemBrowser.SearchCountLimit"/> items: the count stops there, and the default
/// order is the data set's order rather than relevance.
/// </param>
public sealed record ItemPage(IReadOnlyList<ItemRow> Rows, int TotalCount, bool CountIsCapped = false);
