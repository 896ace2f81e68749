using Pricer.Core.Pricers;

namespace Pricer.Core.Runs;

/// <summary>
/// What changed in a run since the last update: the one message that run progress travels in, from a job or a
/// remote publisher to the app and from the app to every watcher. Null members did not change.
/// </summary>
public sealed record RunUpdate
{
    public RunStatus? Status { get; init; }

    /// <summary>Fraction done, 0 to 1.</summary>
    public double? Progress { get; init; }

    public double? SamplesPerSecond { get; init; }

    /// <summary>Estimated seconds left.</summary>
    public double? EtaSeconds { get; init; }

    /// <summary>A short line saying what the run does now ("epoch 2 of 5").</summary>
    public string? Message { get; init; }

    /// <summary>The error of a failed run.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<RunPoint> Points { get; init; } = [];

    public IReadOnlyList<string> Log { get; init; } = [];
}
