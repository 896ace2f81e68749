namespace Pricer.Data.Items.Browsing;

public enum ItemSortColumn
{
    /// <summary>
    /// Best match first when searching (the data set's order past <see cref="ItemBrowser.SearchCountLimit"/> hits),
    /// otherwise split and position: the source's order.
    /// </summary>
    Default,
    Position,
    Category,
    Price,
}
