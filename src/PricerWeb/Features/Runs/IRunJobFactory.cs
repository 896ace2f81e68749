using Pricer.Data.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// Rebuilds the job of a stored run from its configuration, so that an interrupted run can be resumed after a
/// restart. Register one per kind of job with <see cref="RunsFeature.AddRunJobFactory{TFactory}"/>.
/// </summary>
public interface IRunJobFactory
{
    /// <summary>Whether this factory makes the jobs of runs like this one (usually decided by its kind).</summary>
    bool Handles(PricerRun run);

    /// <exception cref="InvalidOperationException">The run's configuration cannot be used any more; the message says why.</exception>
    IRunJob Create(PricerRun run);
}
