using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Datasets;

/// <summary>
/// Builds a data set's full-text index (ItemSearch, in the search file: see <see cref="SearchDatabase"/>) from its stored
/// items, where an import's own index (<see cref="SearchIndexWriter"/>) is missing: the file was lost or is new to an
/// older database, or the process stopped between the items' commit and the index's. FTS5 tokenizes about a minute of
/// one core per 800,000 items, so the build goes in batches that each commit: it reports progress and resumes where it
/// stopped, and the data set can be browsed meanwhile.
/// </summary>
/// <remarks>
/// A data set's items have consecutive ids (each import is one transaction) and are indexed in id order, so how far
/// the index has got is the largest id in FTS5's own per-row table (ItemSearch_docsize) within that range: one seek,
/// and no second record that could disagree with the index.
/// </remarks>
public sealed class SearchIndexer(IDbContextFactory<PricerDbContext> contexts)
{
    /// <summary>Items indexed per transaction: a few seconds of work, so progress moves and other writers get turns.</summary>
    public const int BatchSize = 20_000;

    /// <summary>Indexes the data set's remaining items, reporting the status before each batch and at the end.</summary>
    public async Task IndexAsync(int datasetId, IProgress<SearchIndexStatus>? progress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var bulkLoad = await SqliteBulkLoadSettings.ApplyAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken, SearchDatabase.SchemaName);
        var added = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The position is read inside the write transaction, so two indexers of one data set take turns and never
            // add an item twice.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await StatusAsync(db, datasetId, cancellationToken) is not { } status) return;
            progress?.Report(status);
            if (status.IsComplete)
            {
                // Batch by batch FTS5 leaves many segments (16 at 800,000 items), and a search reads each word in each of
                // them; merging them into one cost ~14 CPU-s there and made searches of common words ~2-3 times faster.
                if (!added) return;
                await db.Database.ExecuteSqlRawAsync("INSERT INTO ItemSearch(ItemSearch) VALUES('optimize')", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            added = true;
            var last = Math.Min(status.IndexedThrough + BatchSize, status.LastId);
            await IndexRangeAsync(db, datasetId, status.IndexedThrough + 1, last, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Completes the index of every data set that lacks (part of) it and returns their names.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(CancellationToken cancellationToken)
    {
        List<Dataset> datasets;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var resumed = new List<string>();
        foreach (var dataset in datasets)
        {
            if (await GetStatusAsync(dataset.Id, cancellationToken) is not { IsComplete: false }) continue;
            await IndexAsync(dataset.Id, null, cancellationToken);
            resumed.Add(dataset.Name);
        }
        return resumed;
    }

    /// <summary>How much of the data set the search covers; null when the data set has no items.</summary>
    public async Task<SearchIndexStatus?> GetStatusAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StatusAsync(db, datasetId, cancellationToken);
    }

    /// <remarks>min and max each in their own subquery: together in one SELECT, SQLite scans the data set instead of seeking.</remarks>
    internal static async Task<SearchIndexStatus?> StatusAsync(PricerDbContext db, int datasetId, CancellationToken cancellationToken)
    {
        var range = await db.Database.SqlQuery<IdRange>($"""
            SELECT (SELECT min(Id) FROM Items WHERE DatasetId = {datasetId}) AS FirstId,
                   (SELECT max(Id) FROM Items WHERE DatasetId = {datasetId}) AS LastId
            """).SingleAsync(cancellationToken);
        if (range is not { FirstId: { } first, LastId: { } last }) return null;
        var indexed = await db.Database.SqlQuery<long>($"""
            SELECT coalesce(max(id), {first - 1}) AS Value FROM ItemSearch_docsize WHERE id BETWEEN {first} AND {last}
            """).SingleAsync(cancellationToken);
        return new SearchIndexStatus(first, last, indexed);
    }

    /// <summary>Adds the data set's items with ids <paramref name="from"/> to <paramref name="to"/>, read in rowid order.</summary>
    internal static Task IndexRangeAsync(PricerDbContext db, int datasetId, long from, long to, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO ItemSearch(rowid, Title, Text)
            SELECT Id, Title, Text FROM Items NOT INDEXED WHERE Id BETWEEN {from} AND {to} AND DatasetId = {datasetId} ORDER BY Id
            """, cancellationToken);

    /// <summary>
    /// Removes the data set's indexed items from the index. Contentless FTS5 needs each row's old values to remove it,
    /// read from the items, and must not be asked to remove a row it never held, so only the indexed part of the range is read.
    /// </summary>
    internal static async Task RemoveAsync(PricerDbContext db, int datasetId, CancellationToken cancellationToken)
    {
        if (await StatusAsync(db, datasetId, cancellationToken) is not { } status) return;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ItemSearch(ItemSearch, rowid, Title, Text)
            SELECT 'delete', Id, Title, Text FROM Items NOT INDEXED
            WHERE Id BETWEEN {status.FirstId} AND {status.IndexedThrough} AND DatasetId = {datasetId}
            ORDER BY Id
            """, cancellationToken);
    }

    private sealed record IdRange(long? FirstId, long? LastId);
}
