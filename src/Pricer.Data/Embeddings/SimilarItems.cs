using Microsoft.EntityFrameworkCore;
using Pricer.Core.Embeddings;

namespace Pricer.Data.Embeddings;

/// <summary>Searches a data set's embedded training items by cosine similarity (the in-memory index of <see cref="TrainingIndexCache"/>).</summary>
public sealed class SimilarItems(IDbContextFactory<PricerDbContext> contexts, ITextEmbedder embedder, EmbeddingStore store, TrainingIndexCache cache)
    : ISimilarItems
{
    public async Task<IReadOnlyList<SimilarItem>> FindAsync(int datasetId, string text, int k, CancellationToken cancellationToken = default)
    {
        var index = await cache.GetAsync(datasetId, embedder.Model, embedder.Dimensions, cancellationToken);
        if (index.Vectors.Count == 0) return [];
        var query = await Task.Run(() => embedder.Embed([text], cancellationToken)[0], cancellationToken);
        return await DescribeAsync(index.Vectors.Search(query, k), cancellationToken);
    }

    /// <summary>
    /// The training items nearest to a stored item (never the item itself), using its stored vector or, when it
    /// has none yet, its text embedded now; empty when the data set's training items have not been embedded.
    /// </summary>
    public async Task<IReadOnlyList<SimilarItem>> ForItemAsync(long itemId, int k, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.DatasetId, i.Text }).FirstOrDefaultAsync(cancellationToken);
        if (item is null) return [];
        var index = await cache.GetAsync(item.DatasetId, embedder.Model, embedder.Dimensions, cancellationToken);
        if (index.Vectors.Count == 0) return [];
        var query = await store.VectorAsync(itemId, embedder.Model, cancellationToken)
            ?? await Task.Run(() => embedder.Embed([item.Text], cancellationToken)[0], cancellationToken);
        return await DescribeAsync(index.Vectors.Search(query, k, excludeId: itemId), cancellationToken);
    }

    private async Task<IReadOnlyList<SimilarItem>> DescribeAsync(IReadOnlyList<Neighbour> neighbours, CancellationToken cancellationToken)
    {
        var ids = neighbours.Select(n => n.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Category, i.Text, i.Price }).ToDictionaryAsync(i => i.Id, cancellationToken);
        return neighbours.Where(n => items.ContainsKey(n.Id))
            .Select(n => items[n.Id] is var i ? new SimilarItem(i.Id, i.Title, i.Category, i.Text, i.Price, n.Similarity) : null!)
            .ToList();
    }
}
