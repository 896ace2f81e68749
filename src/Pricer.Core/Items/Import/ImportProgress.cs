namespace Pricer.Core.Items.Import;

/// <summary>How far an import (or the download before it) has got; reported through IProgress.</summary>
/// <param name="Stage">"download", "read", "index" or "done".</param>
/// <param name="File">The file being downloaded or read, if any.</param>
/// <param name="BytesDone">Bytes downloaded or read so far, where known.</param>
/// <param name="BytesTotal">Total bytes, where known; null means unknown (show an indeterminate bar).</param>
public sealed record ImportProgress(
    string Stage,
    string? File,
    long ItemsRead,
    long BadRows,
    long? BytesDone,
    long? BytesTotal)
{
    /// <summary>In stage "index": how many of the <see cref="ItemsRead"/> items the search index holds so far.</summary>
    public long? ItemsIndexed { get; init; }

    public double? Fraction => ItemsIndexed is { } indexed && ItemsRead > 0
        ? Math.Clamp((double)indexed / ItemsRead, 0, 1)
        : BytesTotal is > 0 && BytesDone is { } done ? Math.Clamp((double)done / BytesTotal.Value, 0, 1) : null;
}
