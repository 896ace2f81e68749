using System.Runtime.CompilerServices;
using CsvHelper;

namespace Pricer.Core.Items.Import;

/// <summary>
/// A comma-separated file with a header: price and text (or summary) are required; id, split, title,
/// category, details, weight and source are used when present. Column names are matched without regard to case.
/// </summary>
public sealed class CsvItemReader : IItemFileReader
{
    /// <summary>A record this long is almost surely an unclosed quote swallowing the rest of the file.</summary>
    public const int MaxRecordBytes = 4 * 1024 * 1024;

    public bool CanRead(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SourceRow> ReadAsync(Stream stream, ItemFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
        };
        await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        await Guard(file, () => csv.ReadHeaderAsync(cancellationToken));
        if (csv.Headers.Count == 0) throw new ItemSourceException($"{file.DisplayName}: the file is empty; a CSV needs a header line.");
        var columns = CsvColumns.Find(csv.Headers, file);
        while (true)
        {
            var more = await Guard(file, () => csv.ReadAsync(cancellationToken));
            while (malformed.TryDequeue(out var record))
                yield return SourceRow.Broken(record.LineNumber, Describe(record, csv.Headers.Count));
            if (!more) break;
            yield return columns.Read(csv);
        }
    }

    private static string Describe(CsvMalformedRecord record, int headerFields) => record.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"the row does not have the header's {headerFields} fields",
        CsvMalformedReason.StrayQuote => "malformed CSV: a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quote is never closed",
        _ => $"malformed CSV: {record.Reason}",
    };

    /// <summary>A broken file (a record past the size limit) stops the import with the line it broke at.</summary>
    private static async ValueTask<T> Guard<T>(ItemFile file, Func<ValueTask<T>> read)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException e)
        {
            throw new ItemSourceException($"{file.DisplayName}:{e.LineNumber}: the CSV cannot be read past this line: {e.Message} Is a quote left open?", e);
        }
    }

    private static async ValueTask Guard(ItemFile file, Func<ValueTask> read) =>
        await Guard(file, async () =>
        {
            await read();
            return true;
        });
}
