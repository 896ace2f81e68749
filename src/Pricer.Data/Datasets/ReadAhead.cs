using System.Threading.Channels;
using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>How far the reader had got when it handed over a batch of rows.</summary>
internal sealed record RowBatch(List<ImportRow> Rows, string? File, long BytesRead);

/// <summary>
/// Reads, decompresses and parses rows on another thread while SQLite stores the previous ones: on two cores
/// that takes the reading off the import's critical path. Only a few small batches ahead, so memory stays
/// bounded and rows in flight die young instead of filling the older GC generations.
/// </summary>
internal sealed class ReadAhead : IAsyncDisposable
{
    private const int BatchSize = 256;
    private const int BatchesAhead = 4;

    private readonly CancellationTokenSource _stop;
    private readonly Channel<RowBatch> _batches = Channel.CreateBounded<RowBatch>(
        new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
    private readonly Task _reader;

    public ReadAhead(ItemStream rows, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _reader = Task.Run(() => ReadAsync(rows, _stop.Token), CancellationToken.None);
    }

    public IAsyncEnumerable<RowBatch> Batches(CancellationToken cancellationToken) => _batches.Reader.ReadAllAsync(cancellationToken);

    private async Task ReadAsync(ItemStream rows, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<ImportRow>(BatchSize);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                batch.Add(row);
                if (batch.Count < BatchSize) continue;
                await _batches.Writer.WriteAsync(new RowBatch(batch, rows.CurrentFile?.DisplayName, rows.BytesRead), cancellationToken);
                batch = new List<ImportRow>(BatchSize);
            }
            if (batch.Count > 0) await _batches.Writer.WriteAsync(new RowBatch(batch, rows.CurrentFile?.DisplayName, rows.BytesRead), cancellationToken);
            _batches.Writer.Complete();
        }
        catch (Exception e)
        {
            // The importer sees the reader's failure (a corrupt file, cancellation) when it reads the next batch.
            _batches.Writer.TryComplete(e);
        }
    }

    /// <summary>Stops the reader, if the importer stopped first, and waits for it so no file stays open.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }
}
