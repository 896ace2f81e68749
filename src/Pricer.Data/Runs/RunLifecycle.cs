using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;

namespace Pricer.Data.Runs;

/// <summary>
/// Moves a long run through its states in the database (Queued, Running, then Succeeded, Failed or Cancelled;
/// Interrupted when the app stopped under it) and stores its predictions as they arrive. Every change is
/// guarded by the state it starts from, so a cancel racing the worker cannot overwrite a finished run.
/// </summary>
public sealed class RunLifecycle(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    public const string InterruptedMessage = "The app stopped while this run was queued or running; resume it to go on.";

    private static readonly RunStatus[] Unfinished = [RunStatus.Queued, RunStatus.Running];
    private static readonly RunStatus[] Resumable = [RunStatus.Interrupted, RunStatus.Failed, RunStatus.Cancelled];

    /// <summary>Stores a new run as queued and returns it with its id.</summary>
    public async Task<PricerRun> CreateQueuedAsync(PricerRun run, CancellationToken cancellationToken)
    {
        run.Status = RunStatus.Queued;
        run.StartedAtUtc = clock.GetUtcNow().UtcDateTime;
        run.FinishedAtUtc = null;
        run.Error = null;
        run.Progress = 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Queued to Running (the start time becomes now); false when the run is not queued.</summary>
    public async Task<bool> MarkRunningAsync(int runId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await UpdateAsync(runId, [RunStatus.Queued], s => s
            .SetProperty(r => r.Status, RunStatus.Running)
            .SetProperty(r => r.StartedAtUtc, now), cancellationToken);
    }

    /// <summary>
    /// Stores predictions of a run, skipping items it already has a prediction for (a resumed run repeats
    /// none); returns how many were new.
    /// </summary>
    public async Task<int> AppendPredictionsAsync(int runId, IReadOnlyCollection<Prediction> predictions, CancellationToken cancellationToken)
    {
        if (predictions.Count == 0) return 0;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var itemIds = predictions.Select(p => p.ItemId).Distinct().ToList();
        var stored = (await db.Predictions.Where(p => p.RunId == runId && itemIds.Contains(p.ItemId))
            .Select(p => p.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        var added = 0;
        foreach (var prediction in predictions)
        {
            if (!stored.Add(prediction.ItemId)) continue;
            prediction.RunId = runId;
            db.Predictions.Add(prediction);
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Saves how far a running run has come (0 to 1).</summary>
    public async Task SaveProgressAsync(int runId, double progress, CancellationToken cancellationToken)
    {
        var clamped = Math.Clamp(progress, 0, 1);
        await UpdateAsync(runId, [RunStatus.Running], s => s.SetProperty(r => r.Progress, clamped), cancellationToken);
    }

    /// <summary>Saves the run's series (JSON) and the last lines of its log, replacing what was saved before.</summary>
    public async Task SaveTelemetryAsync(int runId, string seriesJson, IReadOnlyList<string> log, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var telemetry = await db.RunTelemetry.FindAsync([runId], cancellationToken);
        if (telemetry is null) db.RunTelemetry.Add(telemetry = new RunTelemetry { RunId = runId });
        telemetry.Series = seriesJson;
        telemetry.Log = string.Join('\n', log);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RunTelemetry?> TelemetryAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RunTelemetry.AsNoTracking().FirstOrDefaultAsync(t => t.RunId == runId, cancellationToken);
    }

    /// <summary>
    /// Ends a queued or running run as Succeeded, Failed (with its error) or Cancelled; false when it had
    /// already ended.
    /// </summary>
    public async Task<bool> FinishAsync(int runId, RunStatus outcome, string? error, CancellationToken cancellationToken)
    {
        if (outcome is not (RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled))
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A run finishes as Succeeded, Failed or Cancelled.");
        var now = clock.GetUtcNow().UtcDateTime;
        var succeeded = outcome == RunStatus.Succeeded;
        return await UpdateAsync(runId, Unfinished, s => s
            .SetProperty(r => r.Status, outcome)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Progress, r => succeeded ? 1 : r.Progress), cancellationToken);
    }

    /// <summary>Marks every queued or running run as Interrupted (run once at start-up); returns their ids.</summary>
    public async Task<IReadOnlyList<int>> InterruptUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Runs.Where(r => Unfinished.Contains(r.Status)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0) return ids;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Runs.Where(r => ids.Contains(r.Id) && Unfinished.Contains(r.Status)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Interrupted)
            .SetProperty(r => r.Error, InterruptedMessage)
            .SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        return ids;
    }

    /// <summary>An interrupted, failed or cancelled run goes back to Queued; false for any other state.</summary>
    public async Task<bool> RequeueAsync(int runId, CancellationToken cancellationToken) =>
        await UpdateAsync(runId, Resumable, s => s
            .SetProperty(r => r.Status, RunStatus.Queued)
            .SetProperty(r => r.Error, (string?)null)
            .SetProperty(r => r.FinishedAtUtc, (DateTime?)null), cancellationToken);

    /// <summary>Moves a run a remote process trains into Running, from Queued or after a restart of the app.</summary>
    public async Task<bool> ResumeRemoteAsync(int runId, CancellationToken cancellationToken) =>
        await UpdateAsync(runId, [RunStatus.Queued, RunStatus.Interrupted], s => s
            .SetProperty(r => r.Status, RunStatus.Running)
            .SetProperty(r => r.Error, (string?)null)
            .SetProperty(r => r.FinishedAtUtc, (DateTime?)null), cancellationToken);

    private async Task<bool> UpdateAsync(int runId, RunStatus[] from,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<PricerRun>> setters, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Id == runId && from.Contains(r.Status)).ExecuteUpdateAsync(setters, cancellationToken) == 1;
    }
}
