using Microsoft.EntityFrameworkCore;
using Pricer.Core.Embeddings;
using Pricer.Core.Items;

namespace Pricer.Data.Embeddings;

/// <summary>Reads and writes item vectors; every write tells <see cref="TrainingIndexCache"/> to reload.</summary>
public sealed class EmbeddingStore(IDbContextFactory<PricerDbContext> contexts, TrainingIndexCache cache)
{
    public async Task<EmbeddingStatus> StatusAsync(int datasetId, string model, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.Items.Where(i => i.DatasetId == datasetId)
            .GroupBy(i => i.Split == Split.Train).Select(g => new { Train = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var embedded = await db.ItemEmbeddings.Where(e => e.DatasetId == datasetId && e.Model == model)
            .Join(db.Items, e => e.ItemId, i => i.Id, (e, i) => i.Split == Split.Train)
            .GroupBy(train => train).Select(g => new { Train = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count<T>(IEnumerable<T> rows, Func<T, bool> pick, Func<T, int> count) => rows.Where(pick).Sum(count);
        return new EmbeddingStatus(model,
            Embedded: embedded.Sum(g => g.Count), Total: items.Sum(g => g.Count),
            TrainEmbedded: Count(embedded, g => g.Train, g => g.Count), TrainTotal: Count(items, g => g.Train, g => g.Count));
    }

    /// <summary>The next items (by row id, after <paramref name="afterId"/>) that have no vector of this model yet.</summary>
    public async Task<IReadOnlyList<(long Id, string Text)>> PendingAsync(int datasetId, string model, long afterId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Items.AsNoTracking()
            .Where(i => i.DatasetId == datasetId && i.Id > afterId && !db.ItemEmbeddings.Any(e => e.ItemId == i.Id && e.Model == model))
            .OrderBy(i => i.Id).Take(take).Select(i => new { i.Id, i.Text })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Text)).ToList();
    }

    public async Task AddAsync(int datasetId, string model, IReadOnlyList<(long ItemId, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ItemEmbeddings.AddRange(vectors.Select(v => new ItemEmbedding { ItemId = v.ItemId, DatasetId = datasetId, Model = model, Vector = VectorBlob.ToBytes(v.Vector) }));
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(datasetId);
    }

    /// <summary>An item's stored vector of this model; null when it has none.</summary>
    public async Task<float[]?> VectorAsync(long itemId, string model, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var blob = await db.ItemEmbeddings.Where(e => e.ItemId == itemId && e.Model == model).Select(e => e.Vector).FirstOrDefaultAsync(cancellationToken);
        return blob is null ? null : VectorBlob.ToVector(blob);
    }
}
