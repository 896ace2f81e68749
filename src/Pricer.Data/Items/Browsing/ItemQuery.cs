namespace Pricer.Data.Items.Browsing;

/// <summary>One page of filtered, sorted items.</summary>
/// <param name="Page">0-based page number.</param>
public sealed record ItemQuery(
    ItemFilter Filter,
    ItemSortColumn SortBy = ItemSortColumn.Default,
    bool Descending = false,
    int Page = 0,
    int PageSize = 50)
{
    public const int MaxPageSize = 500;
}
