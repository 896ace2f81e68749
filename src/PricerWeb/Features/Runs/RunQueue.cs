using System.Collections.Concurrent;
using System.Threading.Channels;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// Runs long jobs in the background, one per lane at a time, and keeps their runs' states true: Queued, Running,
/// then Succeeded, Failed (with the error) or Cancelled. At start-up runs left queued or running by the last
/// process become Interrupted; <see cref="ResumeAsync"/> queues such a run again.
/// </summary>
public sealed class RunQueue(
    RunLifecycle lifecycle, RunStore store, RunMonitor monitor, IEnumerable<IRunJobFactory> factories, ILogger<RunQueue> logger)
    : IHostedService, IDisposable
{
    private readonly Dictionary<string, Lane> _lanes = new();
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    /// <summary>Stores <paramref name="run"/> as queued and queues <paramref name="job"/> to produce it; returns the stored run.</summary>
    public async Task<PricerRun> EnqueueAsync(PricerRun run, IRunJob job, CancellationToken cancellationToken)
    {
        var stored = await lifecycle.CreateQueuedAsync(run, cancellationToken);
        await SubmitAsync(stored, job, resumed: false, cancellationToken);
        logger.LogInformation("Run {RunId} ({Kind}, '{Name}') queued on lane {Lane} by {StartedBy}", stored.Id, stored.Kind, stored.Name, job.Lane, stored.StartedBy);
        return stored;
    }

    /// <summary>Queues an interrupted, failed or cancelled run again; its job goes on from what it stored.</summary>
    /// <exception cref="InvalidOperationException">The run is unknown, not resumable in its state, or no job can resume its kind.</exception>
    public async Task<PricerRun> ResumeAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await store.FindAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"There is no run {runId}.");
        var factory = factories.FirstOrDefault(f => f.Handles(run))
            ?? throw new InvalidOperationException($"Run {runId} ({run.Kind}) cannot be resumed: no job in this app resumes runs of its kind.");
        var job = factory.Create(run);
        if (!await lifecycle.RequeueAsync(runId, cancellationToken))
            throw new InvalidOperationException($"Run {runId} is {run.Status}; only interrupted, failed or cancelled runs can be resumed.");
        run = await store.FindAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"Run {runId} was deleted.");
        await SubmitAsync(run, job, resumed: true, cancellationToken);
        logger.LogInformation("Run {RunId} queued again to resume", runId);
        return run;
    }

    /// <summary>
    /// Cancels a queued or running run of this queue (a running job stops at its next check of the token);
    /// false when it is not queued or running here.
    /// </summary>
    public async Task<bool> CancelAsync(int runId)
    {
        if (!_entries.TryGetValue(runId, out var entry)) return false;
        if (entry.TryClaim())
        {
            // Never started: it ends here; the lane skips it.
            await FinishAsync(runId, RunStatus.Cancelled, "Cancelled before it started.");
            return true;
        }
        await entry.Cancellation.CancelAsync();
        return true;
    }

    /// <summary>Whether the run is queued or running in this queue (so it can be cancelled).</summary>
    public bool IsActive(int runId) => _entries.ContainsKey(runId);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = await lifecycle.InterruptUnfinishedAsync(cancellationToken);
        if (interrupted.Count > 0) logger.LogWarning("Runs {RunIds} were queued or running when the app last stopped; marked interrupted", interrupted);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed) return;
        await _stopping.CancelAsync();
        List<Lane> lanes;
        lock (_lanes) lanes = [.. _lanes.Values];
        foreach (var lane in lanes) lane.Queue.Writer.TryComplete();
        await Task.WhenAll(lanes.Select(l => l.Worker)).WaitAsync(cancellationToken);
        try
        {
            var interrupted = await lifecycle.InterruptUnfinishedAsync(cancellationToken);
            if (interrupted.Count > 0) logger.LogWarning("Runs {RunIds} were stopped with the app; marked interrupted", interrupted);
        }
        catch (ObjectDisposedException)
        {
            // The host disposed its services while stopping; StartAsync marks these runs interrupted at the next start.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task SubmitAsync(PricerRun run, IRunJob job, bool resumed, CancellationToken cancellationToken)
    {
        await monitor.BeginAsync(run, cancellationToken);
        var entry = new Entry(run, job, resumed);
        _entries[run.Id] = entry;
        Lane? lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(job.Lane, out lane)) _lanes[job.Lane] = lane = new Lane(job.Lane, this);
        }
        lane.Queue.Writer.TryWrite(entry);
    }

    private async Task WorkAsync(Lane lane)
    {
        await foreach (var entry in lane.Queue.Reader.ReadAllAsync())
        {
            if (_stopping.IsCancellationRequested) break;
            if (!entry.TryClaim()) continue;
            try
            {
                await RunAsync(entry);
            }
            catch (Exception error)
            {
                // Only the bookkeeping around a job can land here (the job's own errors end its run as failed).
                logger.LogError(error, "Lane {Lane} could not record run {RunId}", lane.Name, entry.Run.Id);
            }
        }
    }

    private async Task RunAsync(Entry entry)
    {
        var runId = entry.Run.Id;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(entry.Cancellation.Token, _stopping.Token);
        if (!await lifecycle.MarkRunningAsync(runId, _stopping.Token))
        {
            _entries.TryRemove(runId, out _);
            return;
        }
        monitor.Publish(runId, new RunUpdate { Status = RunStatus.Running, Log = [entry.Resumed ? "Resumed." : "Started."] });
        var context = new RunJobContext(entry.Run, entry.Resumed, monitor, lifecycle);
        try
        {
            await entry.Job.ExecuteAsync(context, cancellation.Token);
            await FinishAsync(runId, RunStatus.Succeeded, null);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The app is stopping: StopAsync marks the run interrupted, so that it can be resumed.
            await monitor.EndAsync(runId, RunStatus.Interrupted, RunLifecycle.InterruptedMessage, CancellationToken.None);
            _entries.TryRemove(runId, out _);
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            await FinishAsync(runId, RunStatus.Cancelled, "Cancelled while running.");
        }
        catch (Exception error)
        {
            logger.LogError(error, "Run {RunId} failed", runId);
            monitor.Publish(runId, new RunUpdate { Log = [$"Failed: {error.Message}"] });
            await FinishAsync(runId, RunStatus.Failed, error.Message);
        }
    }

    private async Task FinishAsync(int runId, RunStatus outcome, string? error)
    {
        await lifecycle.FinishAsync(runId, outcome, error, CancellationToken.None);
        _entries.TryRemove(runId, out _);
        await monitor.EndAsync(runId, outcome, error, CancellationToken.None);
        logger.LogInformation("Run {RunId} ended {Outcome}", runId, outcome);
    }

    private sealed class Lane
    {
        public Lane(string name, RunQueue queue)
        {
            Name = name;
            Worker = Task.Run(() => queue.WorkAsync(this));
        }

        public string Name { get; }

        public Channel<Entry> Queue { get; } = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });

        public Task Worker { get; }
    }

    private sealed class Entry(PricerRun run, IRunJob job, bool resumed)
    {
        private int _claimed;

        public PricerRun Run { get; } = run;

        public IRunJob Job { get; } = job;

        public bool Resumed { get; } = resumed;

        public CancellationTokenSource Cancellation { get; } = new();

        /// <summary>The lane (to run it) and a cancel (to drop it unstarted) race for a queued entry; one wins.</summary>
        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;
    }
}
