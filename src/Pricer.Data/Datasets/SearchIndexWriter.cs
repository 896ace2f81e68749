using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Datasets;

/// <summary>
/// Indexes an import's items on a second connection and thread while the importer stores them: the index has its own
/// file (<see cref="SearchDatabase"/>) and so its own write lock, and tokenizing no longer waits for the items. All of
/// it, a replaced data set's removal included, is one transaction that the importer commits after its own, so an import
/// that stops or fails leaves the index as it was.
/// </summary>
internal sealed class SearchIndexWriter : IAsyncDisposable
{
    /// <summary>Batches (of a few hundred items) waiting for the index; a full queue holds the importer back.</summary>
    private const int BatchesAhead = 16;

    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    private readonly Channel<IReadOnlyList<SearchEntry>> _batches = Channel.CreateBounded<IReadOnlyList<SearchEntry>>(
        new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
    private readonly PricerDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteBulkLoadSettings _bulkLoad;
    private readonly CancellationTokenSource _stop;
    private readonly Task _writer;
    private long _indexed;

    private SearchIndexWriter(PricerDbContext db, SqliteTransaction transaction, SqliteBulkLoadSettings bulkLoad, int? replacedDatasetId,
        CancellationToken cancellationToken)
    {
        _db = db;
        _connection = (SqliteConnection)db.Database.GetDbConnection();
        _transaction = transaction;
        _bulkLoad = bulkLoad;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _writer = Task.Run(() => WriteAsync(replacedDatasetId, _stop.Token), CancellationToken.None);
    }

    /// <summary>Items indexed so far (not yet committed).</summary>
    public long Indexed => Interlocked.Read(ref _indexed);

    /// <param name="replacedDatasetId">A data set the import replaces: its entries are removed, read from its committed items.</param>
    public static async Task<SearchIndexWriter> StartAsync(IDbContextFactory<PricerDbContext> contexts, int? replacedDatasetId,
        CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var bulkLoad = await SqliteBulkLoadSettings.ApplyAsync(connection, cancellationToken, SearchDatabase.SchemaName);
            // Deferred, because BEGIN IMMEDIATE would also take the main file's write lock, which the importer holds.
            var transaction = connection.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            return new SearchIndexWriter(db, transaction, bulkLoad, replacedDatasetId, cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues stored items for the index; throws the writer's own failure if it has stopped.</summary>
    public async ValueTask AddAsync(IReadOnlyList<SearchEntry> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _batches.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await _writer;
            throw;
        }
    }

    /// <summary>Waits until every queued item is indexed, reporting the count as it grows.</summary>
    public async Task FinishAsync(Action<long> progress, CancellationToken cancellationToken)
    {
        _batches.Writer.TryComplete();
        while (!_writer.IsCompleted)
        {
            progress(Indexed);
            try
            {
                await _writer.WaitAsync(ReportEvery, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Time for the next report.
            }
        }
        await _writer;
        progress(Indexed);
    }

    /// <summary>Commits the index; call only after the items' own transaction has committed.</summary>
    public Task CommitAsync() => _transaction.CommitAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _batches.Writer.TryComplete();
        // The importer has already seen a failure of the writer (through AddAsync or FinishAsync) or is unwinding from
        // its own; either way all that is left to do is to roll back (disposing an uncommitted transaction does).
        await _writer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await _transaction.DisposeAsync();
        await _bulkLoad.DisposeAsync();
        await _db.DisposeAsync();
        _stop.Dispose();
    }

    private async Task WriteAsync(int? replacedDatasetId, CancellationToken cancellationToken)
    {
        try
        {
            if (replacedDatasetId is { } replaced) await SearchIndexer.RemoveAsync(_db, replaced, cancellationToken);
            await using var insert = _connection.CreateCommand();
            insert.Transaction = _transaction;
            insert.CommandText = "INSERT INTO ItemSearch(rowid, Title, Text) VALUES ($id, $title, $text)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            insert.Prepare();
            await foreach (var batch in _batches.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var entry in batch)
                {
                    id.Value = entry.Id;
                    title.Value = entry.Title;
                    text.Value = entry.Text;
                    insert.ExecuteNonQuery();
                }
                Interlocked.Add(ref _indexed, batch.Count);
            }
        }
        catch (Exception e)
        {
            // Wakes an importer waiting for room in the queue; AddAsync then rethrows this failure.
            _batches.Writer.TryComplete(e);
            throw;
        }
    }
}
