using Pricer.Core.Pricers;
using Pricer.Core.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// One run's state while it is queued or running: everything it reported so far (bounded), plus what has not
/// been sent to watchers yet. Thread-safe: jobs report from their own threads.
/// </summary>
internal sealed class LiveRun
{
    private readonly Lock _lock = new();
    private readonly int _maxPoints;
    private readonly int _logLines;
    private readonly Dictionary<string, List<RunPoint>> _series;
    private readonly Queue<string> _log;
    private readonly List<RunPoint> _pendingPoints = [];
    private readonly List<string> _pendingLog = [];
    private RunUpdate _pending = new();
    private bool _hasPending;
    private bool _headlineChanged;
    private long _sequence;

    public LiveRun(int runId, RunStatus status, double progress, IReadOnlyDictionary<string, IReadOnlyList<RunPoint>> series,
        IEnumerable<string> log, int maxPoints, int logLines)
    {
        RunId = runId;
        Status = status;
        Progress = progress;
        _maxPoints = Math.Max(2, maxPoints);
        _logLines = Math.Max(1, logLines);
        _series = series.ToDictionary(s => s.Key, s => s.Value.ToList());
        _log = new Queue<string>(log.TakeLast(_logLines));
    }

    public int RunId { get; }

    public RunStatus Status { get; private set; }

    public double Progress { get; private set; }

    public double? SamplesPerSecond { get; private set; }

    public double? EtaSeconds { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The progress last saved to the database.</summary>
    public double SavedProgress { get; set; }

    public bool IsFinished => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled or RunStatus.Interrupted;

    public void Apply(RunUpdate update)
    {
        lock (_lock)
        {
            if (update.Status is { } status && status != Status) { Status = status; _headlineChanged = true; }
            if (update.Progress is { } progress && progress != Progress) { Progress = Math.Clamp(progress, 0, 1); _headlineChanged = true; }
            if (update.Message is { } message && message != Message) { Message = message; _headlineChanged = true; }
            if (update.Error is { } error) { Error = error; _headlineChanged = true; }
            if (update.SamplesPerSecond is { } rate) SamplesPerSecond = rate;
            if (update.EtaSeconds is { } eta) EtaSeconds = eta;
            foreach (var point in update.Points) Add(point);
            foreach (var line in update.Log)
            {
                _log.Enqueue(line);
                if (_log.Count > _logLines) _log.Dequeue();
            }
            _pendingPoints.AddRange(update.Points);
            _pendingLog.AddRange(update.Log);
            _pending = _pending with
            {
                Status = update.Status ?? _pending.Status,
                Progress = update.Progress ?? _pending.Progress,
                SamplesPerSecond = update.SamplesPerSecond ?? _pending.SamplesPerSecond,
                EtaSeconds = update.EtaSeconds ?? _pending.EtaSeconds,
                Message = update.Message ?? _pending.Message,
                Error = update.Error ?? _pending.Error,
            };
            _hasPending = true;
        }
    }

    /// <summary>
    /// Takes what has not been sent yet, numbered, and hands it to <paramref name="send"/> while still holding
    /// the lock, so that batches leave in the order of their numbers.
    /// </summary>
    public void TakePending(Action<int, long, RunUpdate, RunHeadline?> send)
    {
        lock (_lock)
        {
            if (!_hasPending) return;
            var update = _pending with { Points = [.. _pendingPoints], Log = [.. _pendingLog] };
            var headline = _headlineChanged ? new RunHeadline(RunId, Status, Progress, Message, Error) : null;
            _pending = new RunUpdate();
            _pendingPoints.Clear();
            _pendingLog.Clear();
            _hasPending = false;
            _headlineChanged = false;
            send(RunId, ++_sequence, update, headline);
        }
    }

    /// <summary>
    /// Sends what is pending first (as <see cref="TakePending"/>), so that the snapshot holds exactly the
    /// batches numbered up to its sequence.
    /// </summary>
    public RunSnapshot Snapshot(Action<int, long, RunUpdate, RunHeadline?> send)
    {
        lock (_lock)
        {
            TakePending(send);
            return new RunSnapshot(RunId, _sequence, Status, Progress, SamplesPerSecond, EtaSeconds, Message, Error,
                _series.ToDictionary(s => s.Key, s => (IReadOnlyList<RunPoint>)[.. s.Value]), [.. _log]);
        }
    }

    private void Add(RunPoint point)
    {
        if (!_series.TryGetValue(point.Series, out var points)) _series[point.Series] = points = [];
        points.Add(point);
        if (points.Count <= _maxPoints) return;
        // Halving keeps the whole run's shape at a coarser grain; the newest point always stays.
        var kept = points.Where((_, i) => i % 2 == 1 || i == points.Count - 1).ToList();
        points.Clear();
        points.AddRange(kept);
    }
}
