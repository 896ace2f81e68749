namespace Pricer.Data.Items.Browsing;

/// <param name="TotalCount">How many items match the filter, over all pages.</param>
public sealed record ItemPage(IReadOnlyList<ItemRow> Rows, int TotalCount);
