namespace Pricer.Core.Items.Import;

/// <summary>The item columns of one row group, turned into rows on demand.</summary>
internal sealed record ParquetBlock(
    int Count,
    ParquetColumn? Id,
    ParquetColumn? Split,
    ParquetColumn? Title,
    ParquetColumn? Category,
    ParquetColumn Price,
    ParquetColumn Text,
    ParquetColumn? Details,
    ParquetColumn? Weight,
    ParquetColumn? Source)
{
    public SourceRow Row(int index, long rowNumber)
    {
        var price = Price.Number(index, "price", out var priceError);
        if (priceError != null) return SourceRow.Broken(rowNumber, priceError);
        string? weightError = null;
        var weight = Weight?.Number(index, "weight", out weightError);
        if (weightError != null) return SourceRow.Broken(rowNumber, weightError);
        return SourceRow.Read(rowNumber, new RowFields
        {
            Id = Id?.Text(index),
            Split = Split?.Text(index),
            Title = Title?.Text(index),
            Category = Category?.Text(index),
            Price = price,
            Text = Text.Text(index),
            Details = Details?.Text(index),
            Weight = weight,
            Source = Source?.Text(index),
        });
    }
}
