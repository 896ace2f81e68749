using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Llm;
using Pricer.Data.Runs;

namespace Pricer.Data.Llm;

/// <summary>
/// Stores an LLM run's predictions as they arrive: one writer gathers what comes back within
/// <see cref="FlushInterval"/> of the first unsaved reply (or <see cref="LargestBatch"/> replies) and stores it
/// in one transaction (predictions, new cache entries, the run's cost), so that many concurrent replies cost few
/// SQLite writes, and a cancelled run keeps everything that came back. A crash loses at most the replies of the
/// last fraction of a second, never half a batch: resuming asks for exactly the items that have no prediction.
/// </summary>
internal sealed class LlmPredictionWriter
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    public const int LargestBatch = 256;

    private readonly IDbContextFactory<PricerDbContext> _contexts;
    private readonly int _runId;
    private readonly LlmProviderOptions _provider;
    private readonly TimeProvider _clock;
    private readonly Action<IReadOnlyList<LlmPrediction>> _stored;
    private readonly Channel<LlmPrediction> _queue = Channel.CreateUnbounded<LlmPrediction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public LlmPredictionWriter(IDbContextFactory<PricerDbContext> contexts, int runId, LlmProviderOptions provider, TimeProvider clock, Action<IReadOnlyList<LlmPrediction>> stored)
    {
        _contexts = contexts;
        _runId = runId;
        _provider = provider;
        _clock = clock;
        _stored = stored;
        _writing = Task.Run(WriteAllAsync);
    }

    public ValueTask AddAsync(LlmPrediction prediction, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(prediction, cancellationToken);

    /// <summary>Stores what is still queued and ends the writer; throws what a write threw.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<LlmPrediction>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            await GatherAsync(batch);
            try
            {
                await WriteAsync(batch);
            }
            catch
            {
                _queue.Writer.TryComplete();
                throw;
            }
            _stored(batch.ToList());
            batch.Clear();
        }
    }

    /// <summary>Takes what is queued, then what arrives until the interval has passed, the batch is full or the queue completes.</summary>
    private async Task GatherAsync(List<LlmPrediction> batch)
    {
        using var interval = new CancellationTokenSource(FlushInterval, _clock);
        while (true)
        {
            while (batch.Count < LargestBatch && _queue.Reader.TryRead(out var prediction)) batch.Add(prediction);
            if (batch.Count >= LargestBatch) return;
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(interval.Token)) return;
            }
            catch (OperationCanceledException) when (interval.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // Not cancellable: replies already paid for are stored even while the run is being cancelled.
    private async Task WriteAsync(IReadOnlyList<LlmPrediction> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Predictions.AddRange(batch.Select(p => new Prediction
        {
            RunId = _runId, ItemId = p.Key, Guess = p.Guess, RawReply = p.RawReply, LatencyMs = p.LatencyMs,
            InputTokens = p.InputTokens, OutputTokens = p.OutputTokens, CacheHit = p.CacheHit,
        }));
        var fresh = batch.Where(p => !p.CacheHit).DistinctBy(p => p.CacheKey).ToList();
        var freshKeys = fresh.Select(p => p.CacheKey).ToList();
        var known = await db.LlmResponses.Where(r => freshKeys.Contains(r.Key)).Select(r => r.Key).ToListAsync();
        var now = _clock.GetUtcNow().UtcDateTime;
        db.LlmResponses.AddRange(fresh.Where(p => !known.Contains(p.CacheKey)).Select(p => new LlmResponse
        {
            Key = p.CacheKey, Endpoint = _provider.BaseUrl, Model = _provider.Model, Reply = p.RawReply,
            InputTokens = p.InputTokens, OutputTokens = p.OutputTokens, CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync();
        var cost = batch.Sum(p => p.CostUsd);
        if (cost > 0)
            await db.Runs.Where(r => r.Id == _runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CostUsd, r => r.CostUsd + cost));
        await transaction.CommitAsync();
    }
}
