using Pricer.Core.Runs;
using Pricer.Data.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>What a running job is given: its run, and the ways to report progress that every watcher sees.</summary>
public sealed class RunJobContext
{
    private readonly RunMonitor _monitor;
    private readonly RunLifecycle _lifecycle;

    internal RunJobContext(PricerRun run, bool resumed, RunMonitor monitor, RunLifecycle lifecycle)
    {
        Run = run;
        Resumed = resumed;
        _monitor = monitor;
        _lifecycle = lifecycle;
    }

    public PricerRun Run { get; }

    public int RunId => Run.Id;

    /// <summary>True when the run was interrupted, failed or cancelled before and has been resumed.</summary>
    public bool Resumed { get; }

    /// <summary>Reports anything that changed; watchers receive it throttled (points and log lines batched).</summary>
    public void Report(RunUpdate update) => _monitor.Publish(RunId, update);

    /// <summary>Fraction done (0 to 1) and, optionally, a short line saying what the run does now.</summary>
    public void ReportProgress(double fraction, string? message = null) =>
        Report(new RunUpdate { Progress = Math.Clamp(fraction, 0, 1), Message = message });

    public void ReportThroughput(double samplesPerSecond, double? etaSeconds) =>
        Report(new RunUpdate { SamplesPerSecond = samplesPerSecond, EtaSeconds = etaSeconds });

    /// <summary>Adds a point to a named series (<see cref="RunSeries"/> names the ones the pages chart).</summary>
    public void ReportPoint(string series, double x, double y) => Report(new RunUpdate { Points = [new RunPoint(series, x, y)] });

    /// <summary>Adds a line to the run's log (the app keeps the last lines and saves them with the run).</summary>
    public void Log(string line) => Report(new RunUpdate { Log = [line] });

    /// <summary>Stores predictions as they arrive; items the run already has are skipped, so a resumed run repeats none.</summary>
    public Task<int> AppendPredictionsAsync(IReadOnlyCollection<Prediction> predictions, CancellationToken cancellationToken) =>
        _lifecycle.AppendPredictionsAsync(RunId, predictions, cancellationToken);
}
