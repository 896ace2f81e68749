namespace Pricer.Data.Items.Browsing;

public enum ItemSortColumn
{
    /// <summary>Best match first when searching, otherwise split and position (the source's order).</summary>
    Default,
    Position,
    Category,
    Price,
}
