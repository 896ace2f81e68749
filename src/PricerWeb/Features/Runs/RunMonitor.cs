using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data.Runs;
using PricerWeb.Hubs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// Where all run progress flows: jobs and remote publishers report here; watchers get it in numbered,
/// throttled batches through <see cref="RunsHub"/> and, inside the app, through <see cref="Updated"/>.
/// Keeps each active run's history in memory for late joiners and saves it with the run when it ends.
/// </summary>
public sealed class RunMonitor(
    IHubContext<RunsHub, IRunsClient> hub, RunLifecycle lifecycle, RunStore store, IOptions<RunsOptions> options,
    TimeProvider clock, ILogger<RunMonitor> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<int, LiveRun> _runs = new();
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>A batch of changes to a run, numbered (raised on a background thread, in order).</summary>
    public event Action<int, long, RunUpdate>? Updated;

    /// <summary>A run's status or progress changed (raised on a background thread).</summary>
    public event Action<RunHeadline>? HeadlineChanged;

    /// <summary>Starts following a stored run, carrying on the series and log an earlier attempt saved.</summary>
    public async Task BeginAsync(PricerRun run, CancellationToken cancellationToken)
    {
        var saved = await lifecycle.TelemetryAsync(run.Id, cancellationToken);
        var live = new LiveRun(run.Id, run.Status, run.Progress, RunSeriesJson.Read(saved?.Series),
            saved?.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], options.Value.MaxPointsPerSeries, options.Value.LogLines)
        {
            SavedProgress = run.Progress,
        };
        _runs[run.Id] = live;
        live.Apply(new RunUpdate { Status = run.Status, Progress = run.Progress });
        Flush(live);
    }

    public bool IsLive(int runId) => _runs.ContainsKey(runId);

    /// <summary>Applies a report to a run this monitor follows; reports for other runs are dropped (false).</summary>
    public bool Publish(int runId, RunUpdate update)
    {
        if (!_runs.TryGetValue(runId, out var live)) return false;
        live.Apply(update with { Log = [.. update.Log.Select(Stamp)] });
        // A new status goes out at once; points and log lines wait for the next tick.
        if (update.Status is not null) Flush(live);
        return true;
    }

    /// <summary>
    /// Ends following a run: sends its final status, saves its series and log with it, and forgets it. Call
    /// after the run's outcome is stored, so watchers that react to it find the stored run.
    /// </summary>
    public async Task EndAsync(int runId, RunStatus outcome, string? error, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(runId, out var live)) return;
        live.Apply(new RunUpdate { Status = outcome, Error = error, Progress = outcome == RunStatus.Succeeded ? 1 : null });
        var snapshot = live.Snapshot(Send);
        await lifecycle.SaveTelemetryAsync(runId, RunSeriesJson.Write(snapshot.Series), snapshot.Log, cancellationToken);
        _runs.TryRemove(runId, out _);
    }

    /// <summary>The run as it stands: live when it is queued or running here, else as saved; null when unknown.</summary>
    public async Task<RunSnapshot?> SnapshotAsync(int runId, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(runId, out var live)) return live.Snapshot(Send);
        var run = await store.FindAsync(runId, cancellationToken);
        if (run is null) return null;
        // It may have ended between the two looks.
        if (_runs.TryGetValue(runId, out live)) return live.Snapshot(Send);
        var saved = await lifecycle.TelemetryAsync(runId, cancellationToken);
        return new RunSnapshot(runId, 0, run.Status, run.Progress, null, null, null, run.Error,
            RunSeriesJson.Read(saved?.Series), saved?.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sender = SendAllAsync(stoppingToken);
        var tick = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.UpdateIntervalMilliseconds));
        var saveEvery = TimeSpan.FromMilliseconds(Math.Max(tick.TotalMilliseconds, options.Value.SaveIntervalMilliseconds));
        var lastSave = clock.GetTimestamp();
        using var timer = new PeriodicTimer(tick, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var live in _runs.Values) Flush(live);
                if (clock.GetElapsedTime(lastSave) < saveEvery) continue;
                lastSave = clock.GetTimestamp();
                await SaveProgressAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        _outgoing.Writer.TryComplete();
        await sender;
    }

    private async Task SaveProgressAsync(CancellationToken cancellationToken)
    {
        foreach (var live in _runs.Values.Where(r => r.Status == RunStatus.Running && r.Progress != r.SavedProgress))
        {
            var progress = live.Progress;
            await lifecycle.SaveProgressAsync(live.RunId, progress, cancellationToken);
            live.SavedProgress = progress;
        }
    }

    private void Flush(LiveRun live) => live.TakePending(Send);

    private void Send(int runId, long sequence, RunUpdate update, RunHeadline? headline) =>
        _outgoing.Writer.TryWrite(new Outgoing(runId, sequence, update, headline));

    private string Stamp(string line) => $"{clock.GetUtcNow():HH:mm:ss} {line}";

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var (runId, sequence, update, headline) in _outgoing.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await hub.Clients.Group(RunsHub.RunGroup(runId)).RunUpdated(runId, sequence, update);
                if (headline is not null) await hub.Clients.Group(RunsHub.ListGroup).RunHeadlineChanged(headline);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Sending progress of run {RunId} to watchers failed", runId);
            }
            Raise(Updated, handler => handler(runId, sequence, update));
            if (headline is not null) Raise(HeadlineChanged, handler => handler(headline));
        }
    }

    /// <summary>Calls every listener, so that one that throws cannot keep the others from hearing.</summary>
    private void Raise<THandler>(THandler? handlers, Action<THandler> call) where THandler : Delegate
    {
        foreach (var handler in handlers?.GetInvocationList().Cast<THandler>() ?? [])
        {
            try { call(handler); }
            catch (Exception error) { logger.LogWarning(error, "A run progress listener failed"); }
        }
    }

    private sealed record Outgoing(int RunId, long Sequence, RunUpdate Update, RunHeadline? Headline);
}
