using System.Threading.Channels;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Runs;
using PricerWeb.Features.Import;

namespace PricerWeb.Features.Compare;

/// <summary>
/// Trains baselines in the background, one job at a time, and keeps the state of current and recent jobs so
/// that every open leaderboard shows the same progress through <see cref="Changed"/>.
/// </summary>
public sealed class BaselineJobs(BaselineRunner runner, ILogger<BaselineJobs> logger) : BackgroundService
{
    private const int FinishedJobsKept = 20;

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Raised (on a background thread) with the new snapshot whenever a job changes.</summary>
    public event Action<BaselineJob>? Changed;

    /// <summary>Current and recent jobs, newest first.</summary>
    public IReadOnlyList<BaselineJob> Recent
    {
        get { lock (_lock) return _entries.Select(e => e.Job).Reverse().ToList(); }
    }

    /// <summary>Queues the baselines (all of the course's when none are named) for training on the data set.</summary>
    /// <exception cref="ArgumentException">A name is not a known baseline; the message lists the known ones.</exception>
    public BaselineJob Enqueue(string dataset, IReadOnlyList<string>? baselines, string startedBy)
    {
        var names = baselines is { Count: > 0 } ? baselines.Select(n => BaselineCatalog.Find(n).Name).ToList() : BaselineCatalog.All.Select(b => b.Name).ToList();
        var job = new BaselineJob(Guid.NewGuid(), dataset, names, startedBy, DateTimeOffset.UtcNow);
        lock (_lock)
        {
            _entries.Add(new Entry(job));
            var finished = _entries.Where(e => !e.Job.IsActive).ToList();
            foreach (var old in finished.Take(Math.Max(0, finished.Count - FinishedJobsKept)))
            {
                _entries.Remove(old);
                old.Cancellation.Dispose();
            }
        }
        _queue.Writer.TryWrite(job.Id);
        Raise(job);
        return job;
    }

    /// <summary>Cancels a queued or running job; runs it already stored stay. False when it has ended or is unknown.</summary>
    public bool Cancel(Guid id)
    {
        Entry? entry;
        lock (_lock) entry = _entries.Find(e => e.Job.Id == id);
        if (entry is null) return false;
        if (Move(entry, BaselineJobStatus.Queued, j => j with { Status = BaselineJobStatus.Cancelled, Error = "Cancelled before it started.", FinishedAt = DateTimeOffset.UtcNow }))
            return true;
        if (entry.Job.Status != BaselineJobStatus.Running) return false;
        entry.Cancellation.Cancel();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            Entry? entry;
            lock (_lock) entry = _entries.Find(e => e.Job.Id == id);
            if (entry is not null && Move(entry, BaselineJobStatus.Queued, j => j with { Status = BaselineJobStatus.Running }))
                await RunAsync(entry, stoppingToken);
        }
    }

    private async Task RunAsync(Entry entry, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(entry.Cancellation.Token, stoppingToken);
        var job = entry.Job;
        var stored = new List<int>();
        try
        {
            // One baseline per call, so that each run shows on the leaderboard as soon as it is stored.
            foreach (var name in job.Baselines)
            {
                var runs = await runner.RunAsync(job.Dataset, [BaselineCatalog.Find(name)], new BaselineOptions(), job.StartedBy,
                    new InlineProgress<string>(message => Move(entry, BaselineJobStatus.Running, j => j with { Progress = message })), cancellation.Token);
                stored.AddRange(runs.Select(r => r.Id));
                Move(entry, BaselineJobStatus.Running, j => j with { RunIds = stored.ToList(), Progress = $"stored {name}" });
            }
            Finish(entry, j => j with { Status = BaselineJobStatus.Succeeded, Progress = null });
            logger.LogInformation("Baselines {Baselines} stored on '{Dataset}' as runs {Runs}", job.Baselines, job.Dataset, stored);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Finish(entry, j => j with { Status = BaselineJobStatus.Cancelled, Error = $"Cancelled; {stored.Count} run(s) stored before that stay." });
        }
        catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            Finish(entry, j => j with { Status = BaselineJobStatus.Failed, Error = error.Message });
            logger.LogWarning(error, "Baselines on '{Dataset}' failed", job.Dataset);
        }
        catch (Exception error)
        {
            Finish(entry, j => j with { Status = BaselineJobStatus.Failed, Error = $"The baselines failed unexpectedly ({error.GetType().Name}); the server log has the details." });
            logger.LogError(error, "Baselines on '{Dataset}' failed", job.Dataset);
        }
    }

    private void Finish(Entry entry, Func<BaselineJob, BaselineJob> change) =>
        Move(entry, BaselineJobStatus.Running, j => change(j) with { FinishedAt = DateTimeOffset.UtcNow });

    /// <summary>Applies a change only while the job is in the expected state (Cancel races the worker).</summary>
    private bool Move(Entry entry, BaselineJobStatus from, Func<BaselineJob, BaselineJob> change)
    {
        BaselineJob job;
        lock (_lock)
        {
            if (entry.Job.Status != from) return false;
            job = entry.Job = change(entry.Job);
        }
        Raise(job);
        return true;
    }

    private void Raise(BaselineJob job)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<BaselineJob>>() ?? [])
        {
            try { handler(job); }
            catch (Exception e) { logger.LogWarning(e, "A baselines progress listener failed"); }
        }
    }

    private sealed class Entry(BaselineJob job)
    {
        public BaselineJob Job { get; set; } = job;
        public CancellationTokenSource Cancellation { get; } = new();
    }
}
