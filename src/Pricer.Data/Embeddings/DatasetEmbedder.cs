using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pricer.Core.Embeddings;

namespace Pricer.Data.Embeddings;

/// <summary>
/// Embeds every item of a data set that has no vector of the embedder's model yet, a batch at a time, storing
/// each batch as it is done: stopped at any point, the next run goes on where this one stopped.
/// </summary>
public sealed class DatasetEmbedder(ITextEmbedder embedder, EmbeddingStore store, IOptions<EmbeddingOptions> options)
{
    public string Model => embedder.Model;

    public async Task<EmbeddingProgress> EmbedAsync(int datasetId, IProgress<EmbeddingProgress>? progress, CancellationToken cancellationToken)
    {
        var status = await store.StatusAsync(datasetId, embedder.Model, cancellationToken);
        var embedded = status.Embedded;
        var added = 0;
        var watch = Stopwatch.StartNew();
        EmbeddingProgress Current() => new(embedded, status.Total, added, added / Math.Max(watch.Elapsed.TotalSeconds, 1e-3));
        progress?.Report(Current());

        var batchSize = Math.Max(1, options.Value.BatchSize);
        var afterId = 0L;
        while (true)
        {
            var pending = await store.PendingAsync(datasetId, embedder.Model, afterId, batchSize, cancellationToken);
            if (pending.Count == 0) break;
            // The model call is seconds of CPU: off the caller's thread, so a web request or circuit is never held.
            var vectors = await Task.Run(() => embedder.Embed(pending.Select(p => p.Text).ToList(), cancellationToken), cancellationToken);
            await store.AddAsync(datasetId, embedder.Model, pending.Select((p, i) => (p.Id, vectors[i])).ToList(), cancellationToken);
            afterId = pending[^1].Id;
            embedded += pending.Count;
            added += pending.Count;
            progress?.Report(Current());
        }
        return Current();
    }
}
