namespace PricerWeb.Features.Runs;

/// <summary>
/// The work of one long run (training, an LLM batch, embeddings). <see cref="RunQueue"/> runs it on its lane,
/// one job per lane at a time, and turns its ending into the run's status: returning is Succeeded, a cancelled
/// token is Cancelled, an exception is Failed with the exception's message.
/// </summary>
public interface IRunJob
{
    /// <summary>The lane it waits in (<see cref="RunLanes"/>): jobs on one lane never run at the same time.</summary>
    string Lane { get; }

    /// <summary>
    /// Does the work, reporting through <paramref name="context"/>. When <see cref="RunJobContext.Resumed"/> is
    /// true the run was interrupted before: go on from what it stored (its checkpoint, its predictions).
    /// </summary>
    Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken);
}
