namespace Pricer.Data.Runs;

/// <summary>A run's charts and log as saved (kept apart from <see cref="PricerRun"/> so run lists stay light).</summary>
public sealed class RunTelemetry
{
    public int RunId { get; set; }

    /// <summary>The run's series as JSON: series name to a list of [x, y] pairs.</summary>
    public string Series { get; set; } = "{}";

    /// <summary>The last lines of the run's log, newline-separated.</summary>
    public string Log { get; set; } = "";
}
