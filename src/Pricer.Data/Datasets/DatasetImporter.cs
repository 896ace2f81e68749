using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>
/// Streams a source's rows into SQLite inside one transaction through a prepared insert. Abort, cancellation or any
/// failure rolls everything back, replaced data set included. A new data set is committed before its full-text index is
/// built (in batches, see <see cref="SearchIndexer"/>), so it can be browsed at once; stopping during that build removes
/// it again. A replacement is indexed inside its transaction, so the old data set stays whole until the new one is.
/// </summary>
public sealed class DatasetImporter(
    IDbContextFactory<PricerDbContext> contexts,
    ItemSourceReader sources,
    SearchIndexer searchIndexer,
    IOptions<StorageOptions> storage,
    TimeProvider clock) : IDatasetImporter
{
    public const int MaxNameLength = 200;

    public async Task<ImportResult> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var name = CheckName(request.Name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!request.Replace && await db.Datasets.AnyAsync(d => d.Name == name, cancellationToken))
            throw new DatasetExistsException(name);

        var files = await sources.ResolveAsync(request.Source, Path.Combine(storage.Value.DataDirectory, "downloads"), progress, cancellationToken);
        var rows = ItemSourceReader.Read(files);

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var bulkLoad = await SqliteBulkLoadSettings.ApplyAsync(connection, cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Dataset dataset;
        int[] counts;
        BadRowLog badRows;
        ImportProgressThrottle throttle;
        try
        {
            var replaced = await db.Datasets.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (replaced is { } oldId)
            {
                if (!request.Replace) throw new DatasetExistsException(name);
                await DeleteAsync(db, oldId, cancellationToken);
            }

            dataset = new Dataset { Name = name, Source = DescribeSource(request.Source), ImportedAt = clock.GetUtcNow() };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync(cancellationToken);

            throttle = new ImportProgressThrottle(progress, rows.BytesTotal);
            (counts, badRows) = await InsertItemsAsync(connection, transaction, dataset.Id, rows, request.SkipBadRows, throttle, cancellationToken);
            var total = counts.Sum();
            if (badRows.Aborting) throw new ImportAbortedException(badRows.Kept);
            if (total == 0) throw new ItemSourceException($"{request.Source}: no items to import ({badRows.Count:N0} bad rows, none good).");

            dataset.TrainCount = counts[(int)Split.Train];
            dataset.ValidationCount = counts[(int)Split.Validation];
            dataset.TestCount = counts[(int)Split.Test];
            dataset.SkippedCount = badRows.Count;
            await db.SaveChangesAsync(cancellationToken);
            if (replaced is not null)
            {
                throttle.Report("index", total, badRows.Count);
                var status = await SearchIndexer.StatusAsync(db, dataset.Id, cancellationToken);
                await SearchIndexer.IndexRangeAsync(db, dataset.Id, status!.FirstId, status.LastId, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            if (replaced is null) await IndexNewAsync(dataset.Id, throttle, badRows.Count, cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }

        throttle.Report("done", counts.Sum(), badRows.Count);
        return new ImportResult(name, dataset.TrainCount, dataset.ValidationCount, dataset.TestCount, badRows.Kept) { Skipped = badRows.Count };
    }

    /// <summary>Builds a committed new data set's search index; if that is stopped or fails, the data set goes again.</summary>
    private async Task IndexNewAsync(int datasetId, ImportProgressThrottle throttle, int badRows, CancellationToken cancellationToken)
    {
        try
        {
            await searchIndexer.IndexAsync(datasetId, new IndexProgress(throttle, badRows), cancellationToken);
        }
        catch
        {
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await DeleteAsync(db, datasetId, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw;
        }
    }

    private sealed class IndexProgress(ImportProgressThrottle throttle, int badRows) : IProgress<SearchIndexStatus>
    {
        public void Report(SearchIndexStatus value) => throttle.Indexed(value.Total, badRows, value.Indexed);
    }

    private static async Task<(int[] Counts, BadRowLog BadRows)> InsertItemsAsync(
        SqliteConnection connection, IDbContextTransaction transaction, int datasetId, ItemStream rows, bool skipBadRows,
        ImportProgressThrottle throttle, CancellationToken cancellationToken)
    {
        var counts = new int[SplitNames.All.Count];
        var badRows = new BadRowLog(skipBadRows);
        using var inserter = new ItemInserter(connection, (SqliteTransaction)transaction.GetDbTransaction(), datasetId);
        await using var readAhead = new ReadAhead(rows, cancellationToken);
        long itemsRead = 0;
        await foreach (var batch in readAhead.Batches(cancellationToken))
        {
            throttle.At(batch.File, batch.BytesRead);
            foreach (var row in batch.Rows)
            {
                if (row.BadRow is { } bad) badRows.Add(bad);
                else if (!badRows.Aborting) inserter.Insert(row.Item!, counts[(int)row.Item!.Split]++);
                if (row.Item != null) itemsRead++;
                if (badRows.Aborting && badRows.SeenEnoughToAbort()) return (counts, badRows);
            }
            cancellationToken.ThrowIfCancellationRequested();
            throttle.Rows(itemsRead, badRows.Count);
        }
        return (counts, badRows);
    }

    /// <summary>The index entries go first: external-content FTS5 reads the items' old values to remove them.</summary>
    private static async Task DeleteAsync(PricerDbContext db, int datasetId, CancellationToken cancellationToken)
    {
        await SearchIndexer.RemoveAsync(db, datasetId, cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Items WHERE DatasetId = {datasetId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM Datasets WHERE Id = {datasetId}", cancellationToken);
    }

    private static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new ArgumentException("A data set needs a name.", nameof(name));
        if (trimmed.Length > MaxNameLength) throw new ArgumentException($"A data set name may have at most {MaxNameLength} characters.", nameof(name));
        return trimmed;
    }

    /// <summary>A local path is stored in full so the data set still says where it came from when run from elsewhere.</summary>
    private static string DescribeSource(string source) =>
        File.Exists(source) || Directory.Exists(source) ? Path.GetFullPath(source) : source;
}
