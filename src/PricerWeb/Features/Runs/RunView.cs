using Pricer.Core.Pricers;
using Pricer.Core.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// A watcher's copy of one run: it starts from a snapshot and applies the updates numbered after it, so a late
/// joiner and an early one end with the same series. Not thread-safe: apply updates on one thread.
/// </summary>
public sealed class RunView
{
    private readonly Dictionary<string, List<RunPoint>> _series;
    private readonly List<string> _log;
    private long _sequence;

    public RunView(RunSnapshot snapshot)
    {
        RunId = snapshot.RunId;
        _sequence = snapshot.Sequence;
        Status = snapshot.Status;
        Progress = snapshot.Progress;
        SamplesPerSecond = snapshot.SamplesPerSecond;
        EtaSeconds = snapshot.EtaSeconds;
        Message = snapshot.Message;
        Error = snapshot.Error;
        _series = snapshot.Series.ToDictionary(s => s.Key, s => s.Value.ToList());
        _log = [.. snapshot.Log];
    }

    public int RunId { get; }

    public RunStatus Status { get; private set; }

    public double Progress { get; private set; }

    public double? SamplesPerSecond { get; private set; }

    public double? EtaSeconds { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> Log => _log;

    public bool IsActive => Status is RunStatus.Queued or RunStatus.Running;

    public IReadOnlyList<RunPoint> Series(string name) => _series.TryGetValue(name, out var points) ? points : [];

    /// <summary>Applies an update unless the snapshot or an earlier update already had it; false when skipped.</summary>
    public bool Apply(long sequence, RunUpdate update)
    {
        if (sequence <= _sequence) return false;
        _sequence = sequence;
        Status = update.Status ?? Status;
        Progress = update.Progress ?? Progress;
        SamplesPerSecond = update.SamplesPerSecond ?? SamplesPerSecond;
        EtaSeconds = update.EtaSeconds ?? EtaSeconds;
        Message = update.Message ?? Message;
        Error = update.Error ?? Error;
        foreach (var point in update.Points)
        {
            if (!_series.TryGetValue(point.Series, out var points)) _series[point.Series] = points = [];
            points.Add(point);
        }
        _log.AddRange(update.Log);
        return true;
    }
}
