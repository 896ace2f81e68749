using System.Threading.Channels;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;

namespace PricerWeb.Features.Import;

/// <summary>
/// Runs imports one at a time in the background and keeps the state of current and recent jobs, so that every
/// open browser (and the start-up import) watches the same progress through <see cref="Changed"/>.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> logger) : BackgroundService
{
    private const int FinishedJobsKept = 20;
    private const int BadRowsInMessage = 3;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(150);

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    /// <summary>Raised (on a background thread) with the new snapshot whenever a job changes.</summary>
    public event Action<ImportJob>? Changed;

    /// <summary>Current and recent jobs, newest first.</summary>
    public IReadOnlyList<ImportJob> Recent
    {
        get { lock (_lock) return _entries.Select(e => e.Job).Reverse().ToList(); }
    }

    public ImportJob? Find(Guid id)
    {
        lock (_lock) return _entries.Find(e => e.Job.Id == id)?.Job;
    }

    /// <param name="sourceLabel">What to show as the source; defaults to the request's source.</param>
    /// <param name="deleteWhenDone">A folder of temporary files (an upload) removed once the job has ended.</param>
    public ImportJob Enqueue(ImportRequest request, string? sourceLabel = null, string? deleteWhenDone = null)
    {
        var job = new ImportJob(Guid.NewGuid(), request, sourceLabel ?? request.Source, DateTimeOffset.UtcNow);
        lock (_lock)
        {
            _entries.Add(new Entry(job, deleteWhenDone));
            TrimFinished();
        }
        logger.LogInformation("Import of {Source} as '{Name}' queued", job.SourceLabel, request.Name);
        // Listeners hear of the job before the worker can start it, so they see its states in order.
        Raise(job);
        _queue.Writer.TryWrite(job.Id);
        return job;
    }

    /// <summary>Cancels a queued or running job; false when it has already ended or is unknown.</summary>
    public bool Cancel(Guid id)
    {
        Entry? entry;
        lock (_lock) entry = _entries.Find(e => e.Job.Id == id);
        if (entry is null) return false;
        if (TryMove(entry, ImportJobStatus.Queued, j => j with { Status = ImportJobStatus.Cancelled, Error = "Cancelled before it started; nothing was stored.", FinishedAt = DateTimeOffset.UtcNow }))
        {
            DeleteTemporaryFiles(entry);
            return true;
        }
        if (entry.Job.Status != ImportJobStatus.Running) return false;
        entry.Cancellation.Cancel();
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            Entry? entry;
            lock (_lock) entry = _entries.Find(e => e.Job.Id == id);
            if (entry is not null && TryMove(entry, ImportJobStatus.Queued, j => j with { Status = ImportJobStatus.Running, StartedAt = DateTimeOffset.UtcNow }))
                await RunAsync(entry, stoppingToken);
        }
    }

    private async Task RunAsync(Entry entry, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(entry.Cancellation.Token, stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<IDatasetImporter>();
            var result = await importer.ImportAsync(entry.Job.Request, new InlineProgress<ImportProgress>(progress => Report(entry, progress)), cancellation.Token);
            Finish(entry, j => j with { Status = ImportJobStatus.Succeeded, Result = result, BadRows = result.BadRows });
            logger.LogInformation("Imported '{Name}': {Train} train, {Validation} validation, {Test} test, {Skipped} bad rows skipped",
                result.Dataset, result.Train, result.Validation, result.Test, result.Skipped);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var why = stoppingToken.IsCancellationRequested ? "The app stopped during the import" : "Cancelled";
            Finish(entry, j => j with { Status = ImportJobStatus.Cancelled, Error = $"{why}; nothing was stored." });
            logger.LogInformation("Import of '{Name}' cancelled", entry.Job.Name);
        }
        catch (ImportAbortedException aborted)
        {
            Finish(entry, j => j with { Status = ImportJobStatus.Aborted, Error = Describe(aborted), BadRows = aborted.BadRows });
            logger.LogWarning("Import of '{Name}' aborted: {Message}", entry.Job.Name, aborted.Message);
        }
        catch (Exception error)
        {
            Finish(entry, j => j with { Status = ImportJobStatus.Failed, Error = Describe(error) });
            logger.LogError(error, "Import of '{Name}' from {Source} failed", entry.Job.Name, entry.Job.SourceLabel);
        }
    }

    /// <summary>A message for the user: what went wrong and, where it helps, what to do about it.</summary>
    internal static string Describe(Exception error) => error switch
    {
        ImportAbortedException aborted => string.Join(Environment.NewLine,
            ["Import aborted on bad rows; nothing was stored. Fix the file, or import with skip bad rows.", "First bad rows:",
             .. aborted.BadRows.Take(BadRowsInMessage).Select(row => row.ToString())]),
        HttpRequestException http => http.StatusCode is { } status
            ? $"Download failed ({(int)status} {status}): {http.Message}"
            : $"Download failed: {http.Message}",
        ItemSourceException or IOException or InvalidOperationException or UnauthorizedAccessException or FormatException or NotSupportedException
            or ArgumentException or InvalidDataException => error.Message,
        _ => $"The import failed unexpectedly ({error.GetType().Name}: {error.Message}); the server log has the details.",
    };

    /// <summary>Applies a change only while the job is still in the expected state (Cancel races the worker).</summary>
    private bool TryMove(Entry entry, ImportJobStatus from, Func<ImportJob, ImportJob> change)
    {
        ImportJob job;
        lock (_lock)
        {
            if (entry.Job.Status != from) return false;
            job = entry.Job = change(entry.Job);
        }
        Raise(job);
        return true;
    }

    private void Finish(Entry entry, Func<ImportJob, ImportJob> change)
    {
        TryMove(entry, ImportJobStatus.Running, j => change(j) with { FinishedAt = DateTimeOffset.UtcNow });
        DeleteTemporaryFiles(entry);
    }

    private void DeleteTemporaryFiles(Entry entry)
    {
        if (entry.DeleteWhenDone is not { } folder || !Directory.Exists(folder)) return;
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException e) { logger.LogWarning(e, "Could not delete the temporary folder {Folder}", folder); }
    }

    private void Report(Entry entry, ImportProgress progress)
    {
        ImportJob job;
        lock (_lock)
        {
            var stageChanged = entry.Job.Progress?.Stage != progress.Stage || entry.Job.Progress?.File != progress.File;
            job = entry.Job = entry.Job with { Progress = progress };
            // Updates come as fast as the importer reads; browsers need a few a second.
            if (!stageChanged && Environment.TickCount64 - entry.LastRaised < ProgressInterval.TotalMilliseconds) return;
            entry.LastRaised = Environment.TickCount64;
        }
        Raise(job);
    }

    private void Raise(ImportJob job)
    {
        foreach (var handler in Changed?.GetInvocationList().Cast<Action<ImportJob>>() ?? [])
        {
            try { handler(job); }
            catch (Exception e) { logger.LogWarning(e, "An import progress listener failed"); }
        }
    }

    private void TrimFinished()
    {
        var finished = _entries.Where(e => !e.Job.IsActive).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - FinishedJobsKept))) _entries.Remove(old);
    }

    private sealed class Entry(ImportJob job, string? deleteWhenDone)
    {
        public ImportJob Job { get; set; } = job;
        public string? DeleteWhenDone { get; } = deleteWhenDone;
        public CancellationTokenSource Cancellation { get; } = new();
        public long LastRaised { get; set; }
    }
}
