using Pricer.Data.Runs;
using Pricer.Data.Runs.Knn;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Embeddings;

/// <summary>
/// A kNN run on the run queue: embeds the items not embedded yet (resumable), prices validation and test items
/// from their nearest training items, and records the weighting it chose in the run's configuration.
/// </summary>
public sealed class KnnRunJob(KnnRunner runner, RunStore store, int k) : IRunJob
{
    public string Lane => RunLanes.Compute;

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        var (configuration, predictions) = await runner.PriceAsync(context.Run.DatasetId, k,
            new InlineProgress(p => context.ReportProgress(p.Fraction, p.Message)), cancellationToken);
        await context.AppendPredictionsAsync(predictions, cancellationToken);
        await store.SetConfigurationAsync(context.RunId, configuration.ToJson(), cancellationToken);
        context.Log($"Chose {configuration.Weighting} weighting on validation; stored {predictions.Count:N0} predictions.");
    }

    private sealed class InlineProgress(Action<StageProgress> report) : IProgress<StageProgress>
    {
        public void Report(StageProgress value) => report(value);
    }
}
