using Parquet;
using Parquet.Schema;

namespace Pricer.Core.Items.Import;

/// <summary>The columns of a parquet file that hold item fields; the rest (prompt, completion, full) are never read.</summary>
internal sealed class ParquetColumns
{
    private DataField? _id, _split, _title, _category, _price, _text, _details, _weight, _source;

    public static ParquetColumns Find(ParquetSchema schema, ItemFile file)
    {
        var byName = schema.Fields.OfType<DataField>().Where(f => !f.IsArray)
            .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        DataField? Column(string name) => byName.GetValueOrDefault(name);
        var columns = new ParquetColumns
        {
            _id = Column("id"),
            _split = Column("split"),
            _title = Column("title"),
            _category = Column("category"),
            _price = Column("price"),
            _text = Column("summary") ?? Column("text"),
            _details = Column("details"),
            _weight = Column("weight"),
            _source = Column("source"),
        };
        var missing = new List<string>();
        if (columns._price is null) missing.Add("price");
        if (columns._text is null) missing.Add("summary (or text)");
        if (missing.Count > 0)
        {
            throw new ItemSourceException(
                $"{file.DisplayName}: the parquet file lacks the required column(s) {string.Join(" and ", missing)}; it has: {string.Join(", ", schema.Fields.Select(f => f.Name))}.");
        }
        foreach (var field in new[] { columns._id, columns._split, columns._title, columns._category, columns._price, columns._text, columns._details, columns._weight, columns._source })
        {
            if (field != null && ParquetColumn.KindOf(field) is null)
                throw new ItemSourceException($"{file.DisplayName}: column {field.Name} holds {field.ClrType.Name} values, which cannot be an item field.");
        }
        return columns;
    }

    public async Task<ParquetBlock> ReadAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        var count = checked((int)group.RowCount);
        async Task<ParquetColumn?> Read(DataField? field) =>
            field is null ? null : await ParquetColumn.ReadAsync(group, field, count, cancellationToken);
        return new ParquetBlock(
            count,
            Id: await Read(_id),
            Split: await Read(_split),
            Title: await Read(_title),
            Category: await Read(_category),
            Price: (await Read(_price))!,
            Text: (await Read(_text))!,
            Details: await Read(_details),
            Weight: await Read(_weight),
            Source: await Read(_source));
    }
}
