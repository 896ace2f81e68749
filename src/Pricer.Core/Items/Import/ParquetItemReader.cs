using System.Runtime.CompilerServices;
using Parquet;

namespace Pricer.Core.Items.Import;

/// <summary>
/// Parquet in the Hugging Face schema of ed-donner/items_lite and items_full (title, category, price, summary,
/// weight, ...; summary is the item's text). Reads one row group at a time, and only the columns it uses.
/// </summary>
public sealed class ParquetItemReader : IItemFileReader
{
    public bool CanRead(string fileName) => fileName.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SourceRow> ReadAsync(Stream stream, ItemFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { TreatByteArrayAsString = true }, leaveStreamOpen: true, cancellationToken);
        var columns = ParquetColumns.Find(reader.Schema, file);
        long row = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var groupReader = reader.OpenRowGroupReader(group);
            var block = await columns.ReadAsync(groupReader, cancellationToken);
            for (var i = 0; i < block.Count; i++)
                yield return block.Row(i, ++row);
        }
    }
}
