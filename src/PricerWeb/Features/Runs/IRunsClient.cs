using Pricer.Core.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>What the runs hub sends to its clients.</summary>
public interface IRunsClient
{
    /// <summary>A batch of changes to a watched run; apply those numbered after the snapshot's sequence.</summary>
    Task RunUpdated(int runId, long sequence, RunUpdate update);

    /// <summary>A run's status or progress changed (sent to clients that watch the list).</summary>
    Task RunHeadlineChanged(RunHeadline headline);
}
