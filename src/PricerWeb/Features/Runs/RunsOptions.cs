namespace PricerWeb.Features.Runs;

/// <summary>How run progress is kept and sent. Bound from the "Runs" section.</summary>
public sealed class RunsOptions
{
    public const string SectionName = "Runs";

    /// <summary>
    /// The shared key a remote process must send to publish a run's progress through the hub; publishing is
    /// refused while it is empty. Set it from the environment (Runs__PublishKey), never in a committed file.
    /// </summary>
    public string PublishKey { get; set; } = "";

    /// <summary>How often batched points and log lines go out to watchers.</summary>
    public int UpdateIntervalMilliseconds { get; set; } = 250;

    /// <summary>How often a running run's progress is saved to the database.</summary>
    public int SaveIntervalMilliseconds { get; set; } = 2_000;

    /// <summary>Points kept per series; beyond it every other point is dropped, so long runs keep their shape.</summary>
    public int MaxPointsPerSeries { get; set; } = 4_000;

    /// <summary>Log lines kept per run.</summary>
    public int LogLines { get; set; } = 200;
}
