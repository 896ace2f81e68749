using Pricer.Core.Pricers;

namespace Pricer.Data.Runs;

/// <summary>One pricer applied to a data set: who, when, how configured, and (in Predictions) what it guessed.</summary>
public sealed class PricerRun
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public RunKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The full configuration as JSON, enough to run it again.</summary>
    public string Configuration { get; set; } = "{}";

    public required string StartedBy { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public RunStatus Status { get; set; }
    public string? Error { get; set; }

    /// <summary>Fraction done, 0 to 1, as last saved; a finished run is at 1.</summary>
    public double Progress { get; set; }

    /// <summary>The app's version (assembly informational version, with the commit where the build knows it).</summary>
    public required string CodeVersion { get; set; }

    /// <summary>Money spent on paid APIs, in US dollars; 0 for local pricers.</summary>
    public double CostUsd { get; set; }

    public double? DurationSeconds => FinishedAtUtc is { } end ? (end - StartedAtUtc).TotalSeconds : null;
}
