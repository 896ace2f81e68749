using Pricer.Core.Runs;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Knn;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Embeddings;

/// <summary>Starts kNN runs (which embed the data set first) on the run queue and passes on their progress.</summary>
public sealed class KnnRuns(RunQueue queue, RunMonitor monitor, KnnRunner runner, RunStore store)
{
    public const int DefaultK = 5;

    /// <summary>A run's status or progress changed (raised on a background thread).</summary>
    public event Action<RunHeadline>? Changed
    {
        add => monitor.HeadlineChanged += value;
        remove => monitor.HeadlineChanged -= value;
    }

    public Task<PricerRun> StartAsync(int datasetId, int k, string startedBy, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(runner.NewRun(datasetId, k, startedBy), new KnnRunJob(runner, store, k), cancellationToken);
}
