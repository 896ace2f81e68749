using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>
/// Streams a source's rows into SQLite inside one transaction through a prepared insert, while a second connection
/// indexes them for search in the search file (<see cref="SearchIndexWriter"/>). Abort, cancellation or any failure
/// rolls both back, replaced data set included; the items commit first and the index right after, and an index that
/// missed its commit (the process stopped in between) is completed at start-up (<see cref="SearchIndexer.ResumeAsync"/>).
/// </summary>
public sealed class DatasetImporter(
    IDbContextFactory<PricerDbContext> contexts,
    ItemSourceReader sources,
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
        // This connection writes only the main file, and BEGIN IMMEDIATE would lock every attached file, the search file
        // that the index writer needs included. The next open of this pooled connection attaches it again.
        await db.Database.ExecuteSqlRawAsync($"DETACH DATABASE {SearchDatabase.SchemaName}", cancellationToken);
        await using var bulkLoad = await SqliteBulkLoadSettings.ApplyAsync(connection, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await db.Datasets.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
        if (replaced is { } oldId)
        {
            if (!request.Replace) throw new DatasetExistsException(name);
            await DeleteAsync(db, oldId, cancellationToken);
        }

        var dataset = new Dataset { Name = name, Source = DescribeSource(request.Source), ImportedAt = clock.GetUtcNow() };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(cancellationToken);

        await using var index = await SearchIndexWriter.StartAsync(contexts, replaced, cancellationToken);
        var throttle = new ImportProgressThrottle(progress, rows.BytesTotal);
        var (counts, badRows) = await InsertItemsAsync(connection, transaction, dataset.Id, rows, request.SkipBadRows, index, throttle, cancellationToken);
        var total = counts.Sum();
        if (badRows.Aborting) throw new ImportAbortedException(badRows.Kept);
        if (total == 0) throw new ItemSourceException($"{request.Source}: no items to import ({badRows.Count:N0} bad rows, none good).");

        dataset.TrainCount = counts[(int)Split.Train];
        dataset.ValidationCount = counts[(int)Split.Validation];
        dataset.TestCount = counts[(int)Split.Test];
        dataset.SkippedCount = badRows.Count;
        await db.SaveChangesAsync(cancellationToken);
        throttle.Report("index", total, badRows.Count);
        await index.FinishAsync(indexed => throttle.Indexed(total, badRows.Count, indexed), cancellationToken);
        // Items first: index entries committed without their items would, after a rollback, describe ids that the next
        // import hands out again.
        await transaction.CommitAsync(cancellationToken);
        await index.CommitAsync();

        throttle.Report("done", counts.Sum(), badRows.Count);
        return new ImportResult(name, dataset.TrainCount, dataset.ValidationCount, dataset.TestCount, badRows.Kept) { Skipped = badRows.Count };
    }

    private static async Task<(int[] Counts, BadRowLog BadRows)> InsertItemsAsync(
        SqliteConnection connection, IDbContextTransaction transaction, int datasetId, ItemStream rows, bool skipBadRows,
        SearchIndexWriter index, ImportProgressThrottle throttle, CancellationToken cancellationToken)
    {
        var counts = new int[SplitNames.All.Count];
        var badRows = new BadRowLog(skipBadRows);
        using var inserter = await ItemInserter.CreateAsync(connection, (SqliteTransaction)transaction.GetDbTransaction(), datasetId, cancellationToken);
        await using var readAhead = new ReadAhead(rows, cancellationToken);
        long itemsRead = 0;
        await foreach (var batch in readAhead.Batches(cancellationToken))
        {
            throttle.At(batch.File, batch.BytesRead);
            var stored = new List<SearchEntry>(batch.Rows.Count);
            foreach (var row in batch.Rows)
            {
                if (row.BadRow is { } bad) badRows.Add(bad);
                else if (!badRows.Aborting) stored.Add(inserter.Insert(row.Item!, counts[(int)row.Item!.Split]++));
                if (row.Item != null) itemsRead++;
                if (badRows.Aborting && badRows.SeenEnoughToAbort()) return (counts, badRows);
            }
            if (!badRows.Aborting) await index.AddAsync(stored, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            throttle.Rows(itemsRead, badRows.Count);
        }
        return (counts, badRows);
    }

    /// <summary>The index writer removes the data set's index entries, reading the items this leaves committed until the end.</summary>
    private static async Task DeleteAsync(PricerDbContext db, int datasetId, CancellationToken cancellationToken)
    {
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
