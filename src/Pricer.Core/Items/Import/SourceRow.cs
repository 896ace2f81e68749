namespace Pricer.Core.Items.Import;

/// <summary>A row as a file format reads it, before the rules every format shares are applied.</summary>
/// <param name="Line">1-based line (JSONL, CSV) or row (parquet) in its file.</param>
/// <param name="Error">Why the row could not even be read (broken JSON, a field of the wrong type); null when <see cref="Fields"/> is set.</param>
public readonly record struct SourceRow(long Line, RowFields? Fields, string? Error)
{
    public static SourceRow Read(long line, RowFields fields) => new(line, fields, null);

    public static SourceRow Broken(long line, string error) => new(line, null, error);
}

/// <summary>The item's fields as found in the file; null where the file has no value.</summary>
public sealed class RowFields
{
    public string? Id { get; set; }
    public string? Split { get; set; }
    public string? Title { get; set; }
    public string? Category { get; set; }
    public double? Price { get; set; }
    public string? Text { get; set; }
    public string? Details { get; set; }
    public double? Weight { get; set; }
    public string? Source { get; set; }
}
