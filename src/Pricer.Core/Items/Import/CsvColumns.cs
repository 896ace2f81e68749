using CsvHelper;

namespace Pricer.Core.Items.Import;

/// <summary>Where each item field sits in a CSV header.</summary>
internal sealed class CsvColumns
{
    private int _id = -1, _split = -1, _title = -1, _category = -1, _price = -1, _text = -1, _details = -1, _weight = -1, _source = -1;

    public static CsvColumns Find(IReadOnlyList<string> header, ItemFile file)
    {
        var columns = new CsvColumns();
        for (var i = header.Count - 1; i >= 0; i--)
        {
            switch (header[i].Trim().ToLowerInvariant())
            {
                case "id": columns._id = i; break;
                case "split": columns._split = i; break;
                case "title": columns._title = i; break;
                case "category": columns._category = i; break;
                case "price": columns._price = i; break;
                case "text": columns._text = i; break;
                case "summary" when columns._text < 0: columns._text = i; break;
                case "details": columns._details = i; break;
                case "weight": columns._weight = i; break;
                case "source": columns._source = i; break;
            }
        }
        var missing = new List<string>();
        if (columns._price < 0) missing.Add("price");
        if (columns._text < 0) missing.Add("text (or summary)");
        if (missing.Count > 0)
        {
            throw new ItemSourceException(
                $"{file.DisplayName}: the header lacks the required column(s) {string.Join(" and ", missing)}; it has: {string.Join(", ", header)}.");
        }
        return columns;
    }

    public SourceRow Read(CsvReader row)
    {
        var line = row.LineNumber;
        var price = NumberText.Parse(row.GetString(_price), "price", out var priceError);
        if (priceError != null) return SourceRow.Broken(line, priceError);
        var weight = NumberText.Parse(Cell(row, _weight), "weight", out var weightError);
        if (weightError != null) return SourceRow.Broken(line, weightError);
        return SourceRow.Read(line, new RowFields
        {
            Id = Cell(row, _id),
            Split = Cell(row, _split),
            Title = Cell(row, _title),
            Category = Cell(row, _category),
            Price = price,
            Text = row.GetString(_text),
            Details = Cell(row, _details),
            Weight = weight,
            Source = Cell(row, _source),
        });
    }

    private static string? Cell(CsvReader row, int index) => index < 0 ? null : row.GetString(index);
}
