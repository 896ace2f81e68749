using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Embeddings;
using Pricer.Core.Items;

namespace Pricer.Data.Embeddings;

/// <summary>
/// Keeps each data set's training vectors in memory, loaded once on first use and again after any change
/// (new vectors, a deleted data set), so that a search is a scan of one array rather than a database read.
/// </summary>
public sealed class TrainingIndexCache(IDbContextFactory<PricerDbContext> contexts)
{
    private readonly ConcurrentDictionary<(int DatasetId, string Model), Lazy<Task<TrainingIndex>>> _loaded = new();

    public Task<TrainingIndex> GetAsync(int datasetId, string model, int dimensions, CancellationToken cancellationToken)
    {
        var key = (datasetId, model);
        var entry = _loaded.GetOrAdd(key, _ => new Lazy<Task<TrainingIndex>>(() => LoadAsync(datasetId, model, dimensions)));
        var task = entry.Value;
        // A failed load is not kept, so the next call tries again.
        if (task.IsFaulted || task.IsCanceled) _loaded.TryRemove(new KeyValuePair<(int, string), Lazy<Task<TrainingIndex>>>(key, entry));
        return task.WaitAsync(cancellationToken);
    }

    public void Invalidate(int datasetId)
    {
        foreach (var key in _loaded.Keys.Where(k => k.DatasetId == datasetId)) _loaded.TryRemove(key, out _);
    }

    private async Task<TrainingIndex> LoadAsync(int datasetId, string model, int dimensions)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var rows = db.ItemEmbeddings.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.Model == model)
            .Join(db.Items.Where(i => i.Split == Split.Train), e => e.ItemId, i => i.Id, (e, i) => new { i.Id, i.Price, e.Vector })
            .OrderBy(r => r.Id);
        var count = await rows.CountAsync();
        var vectors = new float[(long)count * dimensions];
        var ids = new long[count];
        var prices = new double[count];
        var row = 0;
        // Vectors added between the count and the read wait for the next load (each write invalidates this one).
        await foreach (var r in rows.Take(count).AsAsyncEnumerable())
        {
            VectorBlob.CopyTo(r.Vector, vectors.AsSpan(row * dimensions, dimensions));
            ids[row] = r.Id;
            prices[row] = r.Price;
            row++;
        }
        if (row < count)
        {
            Array.Resize(ref vectors, row * dimensions);
            Array.Resize(ref ids, row);
            Array.Resize(ref prices, row);
        }
        return new TrainingIndex(new VectorIndex(dimensions, vectors, ids), prices);
    }
}
