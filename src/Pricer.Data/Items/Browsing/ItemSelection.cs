using Microsoft.Data.Sqlite;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// The FROM and WHERE clauses that select a filter's items (alias i is Items). Every value the user chose travels as a
/// parameter; the SQL text is built from fixed fragments only.
/// </summary>
internal sealed class ItemSelection
{
    private readonly List<(string Name, object Value)> _values = [];

    private ItemSelection(ItemFilter filter)
    {
        var match = SearchText.ToFtsQuery(filter.Search);
        IsSearch = match != null;
        var conditions = new List<string> { "i.DatasetId = " + Add(filter.DatasetId) };
        if (filter.Split is { } split) conditions.Add("i.Split = " + Add((int)split));
        if (filter.Category != null) conditions.Add("i.Category = " + Add(filter.Category));
        if (filter.MinPrice is { } min) conditions.Add("i.Price >= " + Add(min));
        if (filter.MaxPrice is { } max) conditions.Add("i.Price <= " + Add(max));
        if (match != null) conditions.Add("ItemSearch MATCH " + Add(match));
        FromWhere = (IsSearch ? "FROM ItemSearch JOIN Items i ON i.Id = ItemSearch.rowid" : "FROM Items i")
            + " WHERE " + string.Join(" AND ", conditions);
    }

    /// <summary>True when the filter has words to search for; the FTS table's rank is then available.</summary>
    public bool IsSearch { get; }

    public string FromWhere { get; }

    public static ItemSelection For(ItemFilter filter) => new(filter);

    /// <summary>Fresh parameter objects for one command.</summary>
    public object[] Parameters() => _values.Select(v => (object)new SqliteParameter(v.Name, v.Value)).ToArray();

    private string Add(object value)
    {
        var name = "$p" + _values.Count;
        _values.Add((name, value));
        return name;
    }
}
