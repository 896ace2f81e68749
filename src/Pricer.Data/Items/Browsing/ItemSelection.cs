using Microsoft.Data.Sqlite;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// The FROM and WHERE clauses that select a filter's items (alias i is Items). Every value the user chose travels as a
/// parameter; the SQL text is built from fixed fragments only.
/// </summary>
internal sealed class ItemSelection
{
    private readonly List<(string Name, object Value)> _values = [];

    private ItemSelection(ItemFilter filter, bool prefixLastWord, bool sortedByItemColumns)
    {
        var match = SearchText.ToFtsQuery(filter.Search, prefixLastWord);
        IsSearch = match != null;
        var dataset = Add(filter.DatasetId);
        var conditions = new List<string>();
        if (match != null)
        {
            conditions.Add("ItemSearch MATCH " + Add(match));
            // Each import stores a data set's items under consecutive ids, so this range keeps FTS5 inside it.
            conditions.Add($"ItemSearch.rowid BETWEEN (SELECT MIN(Id) FROM Items WHERE DatasetId = {dataset}) AND (SELECT MAX(Id) FROM Items WHERE DatasetId = {dataset})");
        }
        else
        {
            conditions.Add("i.DatasetId = " + dataset);
        }
        if (filter.Split is { } split) conditions.Add("i.Split = " + Add((int)split));
        if (filter.Category != null) conditions.Add("i.Category = " + Add(filter.Category));
        if (filter.MinPrice is { } min) conditions.Add("i.Price >= " + Add(min));
        if (filter.MaxPrice is { } max) conditions.Add("i.Price <= " + Add(max));

        // Search hits drive the loop and are checked against the filters in the covering search index; without
        // INDEXED BY and the unary + (which stops SQLite from turning the rowid range into an Id range scan),
        // SQLite reads each hit's whole row instead.
        // A search with nothing else to check needs no item at all (the rowid range is the data set): that spares a
        // seek per hit, most of the time of counting thousands of them.
        var joinItems = sortedByItemColumns || filter is not { Split: null, Category: null, MinPrice: null, MaxPrice: null };
        var from = match == null ? "FROM Items i"
            : joinItems ? $"FROM ItemSearch CROSS JOIN Items i INDEXED BY {ItemRecordConfiguration.SearchIndex} ON i.DatasetId = {dataset} AND i.Id = +ItemSearch.rowid"
            : "FROM ItemSearch";
        IdColumn = match != null && !joinItems ? "ItemSearch.rowid" : "i.Id";
        FromWhere = from + " WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>True when the filter has words to search for; the FTS table's rank is then available.</summary>
    public bool IsSearch { get; }

    public string FromWhere { get; }

    /// <summary>The selected items' id: alias i only exists where the selection reads items.</summary>
    public string IdColumn { get; }

    /// <param name="prefixLastWord">Let the search's last word match as a prefix (see <see cref="SearchText"/>).</param>
    /// <param name="sortedByItemColumns">The caller orders or reads by item columns (alias i), so a search must join them.</param>
    public static ItemSelection For(ItemFilter filter, bool prefixLastWord = false, bool sortedByItemColumns = true) =>
        new(filter, prefixLastWord, sortedByItemColumns);

    /// <summary>Fresh parameter objects for one command.</summary>
    public object[] Parameters() => _values.Select(v => (object)new SqliteParameter(v.Name, v.Value)).ToArray();

    private string Add(object value)
    {
        var name = "$p" + _values.Count;
        _values.Add((name, value));
        return name;
    }
}
