using Microsoft.EntityFrameworkCore;
using Pricer.Core.Embeddings;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Knn;
using Pricer.Data.Embeddings;

namespace Pricer.Data.Runs.Knn;

/// <summary>
/// Prices a data set's validation and test items from the prices of their k nearest training items: embeds
/// what is not embedded yet, then picks the weighting with the lower validation error.
/// </summary>
public sealed class KnnRunner(
    IDbContextFactory<PricerDbContext> contexts, DatasetEmbedder embedder, TrainingIndexCache cache, ITextEmbedder model, RunStore runs, TimeProvider clock)
{
    // Embedding is nearly all of the work; searching and pricing is the rest.
    private const double EmbeddingShare = 0.9;

    /// <summary>A queued-to-be run for this data set with k neighbours (its configuration names the model and k).</summary>
    public PricerRun NewRun(int datasetId, int k, string startedBy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var configuration = new KnnConfiguration(model.Model, k);
        return new PricerRun
        {
            DatasetId = datasetId, Kind = RunKind.Baseline, Name = configuration.RunName, Configuration = configuration.ToJson(),
            StartedBy = startedBy, StartedAtUtc = clock.GetUtcNow().UtcDateTime, CodeVersion = CodeVersion.Current,
        };
    }

    /// <summary>Embeds, searches and prices; returns the configuration with the chosen weighting, and the predictions.</summary>
    /// <exception cref="InvalidOperationException">The data set has no training or no validation items.</exception>
    public async Task<(KnnConfiguration Configuration, IReadOnlyList<Prediction> Predictions)> PriceAsync(
        int datasetId, int k, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var embedding = await embedder.EmbedAsync(datasetId,
            new SyncProgress<EmbeddingProgress>(p => progress?.Report(new StageProgress(EmbeddingShare * p.Fraction, p.ToString()))), cancellationToken);
        var index = await cache.GetAsync(datasetId, model.Model, model.Dimensions, cancellationToken);
        if (index.Vectors.Count == 0) throw new InvalidOperationException("The data set has no training items to take neighbours from.");

        progress?.Report(new StageProgress(EmbeddingShare, $"searching {k} neighbours among {index.Vectors.Count:N0} training items"));
        var scored = await ScoredItemsAsync(datasetId, cancellationToken);
        if (!scored.Any(s => s.Split == Split.Validation))
            throw new InvalidOperationException("The data set has no embedded validation items to choose the weighting on.");
        var neighbours = new IReadOnlyList<Neighbour>[scored.Count];
        await Task.Run(() =>
        {
            for (var i = 0; i < scored.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                neighbours[i] = index.Vectors.Search(scored[i].Vector, k);
            }
        }, cancellationToken);

        double PriceOf(Neighbour n) => index.Prices[n.Row];
        var errors = Enum.GetValues<KnnWeighting>().ToDictionary(w => w, w => scored.Select((s, i) => (s, i)).Where(x => x.s.Split == Split.Validation)
            .Average(x => Math.Abs(KnnEstimate.Price(neighbours[x.i], PriceOf, w, index.MeanPrice) - x.s.Price)));
        var chosen = errors.MinBy(e => e.Value).Key;
        var predictions = scored.Select((s, i) => new Prediction { ItemId = s.Id, Guess = KnnEstimate.Price(neighbours[i], PriceOf, chosen, index.MeanPrice) }).ToList();
        progress?.Report(new StageProgress(1, $"priced {predictions.Count:N0} items ({chosen}, embedded {embedding.AddedThisRun:N0} new)"));
        return (new KnnConfiguration(model.Model, k) { Weighting = chosen, ValidationError = errors }, predictions);
    }

    /// <summary>Runs <see cref="PriceAsync"/> and stores the whole run at once (the command line's way; the app queues it).</summary>
    public async Task<PricerRun> RunAsync(int datasetId, int k, string startedBy, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var run = NewRun(datasetId, k, startedBy);
        var (configuration, predictions) = await PriceAsync(datasetId, k, progress, cancellationToken);
        run.Configuration = configuration.ToJson();
        return await runs.AddCompletedAsync(run, predictions.ToList(), cancellationToken);
    }

    private async Task<List<(long Id, Split Split, double Price, float[] Vector)>> ScoredItemsAsync(int datasetId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemEmbeddings.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.Model == model.Model)
            .Join(db.Items.Where(i => i.Split != Split.Train), e => e.ItemId, i => i.Id, (e, i) => new { i.Id, i.Split, i.Price, e.Vector })
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Split, r.Price, VectorBlob.ToVector(r.Vector))).ToList();
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to a context and reorder reports).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
