using Pricer.Data.Runs;
using Pricer.Data.Runs.Knn;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Embeddings;

/// <summary>Rebuilds an interrupted kNN run's job from its stored configuration.</summary>
public sealed class KnnRunJobFactory(KnnRunner runner, RunStore store) : IRunJobFactory
{
    public bool Handles(PricerRun run) => KnnConfiguration.TryParse(run.Configuration) is not null;

    public IRunJob Create(PricerRun run) =>
        new KnnRunJob(runner, store, KnnConfiguration.TryParse(run.Configuration)?.K
            ?? throw new InvalidOperationException($"Run {run.Id} has no kNN configuration."));
}
