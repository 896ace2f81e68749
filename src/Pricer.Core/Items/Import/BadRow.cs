namespace Pricer.Core.Items.Import;

/// <summary>A row that could not become an item: where it is and why.</summary>
/// <param name="File">The file's name as the user gave it (or as downloaded).</param>
/// <param name="Line">1-based line (JSONL, CSV) or row number (parquet).</param>
public sealed record BadRow(string File, long Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
