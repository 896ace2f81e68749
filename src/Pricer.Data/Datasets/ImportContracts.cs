using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>What to import and how to treat bad rows and an existing data set of the same name.</summary>
/// <param name="Source">A file, a folder of split files, or "hf:owner/name".</param>
/// <param name="Replace">Replace an existing data set of this name; without it such an import is refused.</param>
/// <param name="SkipBadRows">Skip and report bad rows; without it the first bad rows abort the import and nothing is stored.</param>
public sealed record ImportRequest(string Name, string Source, bool Replace = false, bool SkipBadRows = false);

/// <param name="BadRows">The skipped rows, the first ones only when there are very many.</param>
public sealed record ImportResult(string Dataset, int Train, int Validation, int Test, IReadOnlyList<BadRow> BadRows)
{
    /// <summary>How many rows were skipped; more than <see cref="BadRows"/> holds when the importer kept only the first.</summary>
    public int Skipped { get; init; } = BadRows.Count;
}

/// <summary>Imports items into a named data set, streaming, in one transaction.</summary>
public interface IDatasetImporter
{
    /// <exception cref="DatasetExistsException">The name is taken and <see cref="ImportRequest.Replace"/> is false.</exception>
    /// <exception cref="ImportAbortedException">Bad rows were found and <see cref="ImportRequest.SkipBadRows"/> is false.</exception>
    /// <exception cref="ItemSourceException">The source is missing, unreadable, of an unknown type, or holds no good row.</exception>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

public sealed class DatasetExistsException(string name)
    : InvalidOperationException($"A data set named '{name}' already exists. Choose another name or import with replace.")
{
    public string Name { get; } = name;
}

/// <summary>The import stopped on bad rows; the database is as it was before.</summary>
public sealed class ImportAbortedException(IReadOnlyList<BadRow> badRows)
    : InvalidOperationException($"Import aborted, nothing was stored: {badRows.Count} bad row(s), first {badRows[0]}. Fix the file or import with skip-bad-rows.")
{
    public IReadOnlyList<BadRow> BadRows { get; } = badRows;
}
