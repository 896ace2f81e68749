using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;

namespace Pricer.Data.Runs;

/// <summary>Stores runs and their predictions; every prediction is tied to its run and item.</summary>
public sealed class RunStore(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    /// <summary>Stores a finished run with all its predictions in one transaction, so a failure leaves no half run.</summary>
    public async Task<PricerRun> AddCompletedAsync(PricerRun run, IReadOnlyCollection<Prediction> predictions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        run.Status = RunStatus.Succeeded;
        run.Progress = 1;
        run.FinishedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var prediction in predictions) prediction.RunId = run.Id;
        db.Predictions.AddRange(predictions);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>
    /// Marks an existing run succeeded with its final configuration and predictions (replacing any it had), in one
    /// transaction; for runs created before their work started (queued training runs).
    /// </summary>
    public async Task<PricerRun> CompleteAsync(int runId, string configuration, IReadOnlyCollection<Prediction> predictions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no run {runId}.");
        await db.Predictions.Where(p => p.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        run.Configuration = configuration;
        run.Status = RunStatus.Succeeded;
        run.Progress = 1;
        run.Error = null;
        run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var prediction in predictions) prediction.RunId = runId;
        db.Predictions.AddRange(predictions);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<PricerRun?> FindAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>A run's predictions keyed by item row id.</summary>
    public async Task<Dictionary<long, Prediction>> PredictionsAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).ToDictionaryAsync(p => p.ItemId, cancellationToken);
    }

    /// <summary>
    /// A run's guesses by item id (the data set's own ids, as a predictions file names them), split by split
    /// (train, validation, test), each in its order; null when there is no such run.
    /// </summary>
    public async Task<IReadOnlyList<(string ItemId, double Guess)>?> ExportAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken)) return null;
        var rows = await db.Predictions.AsNoTracking()
            .Where(p => p.RunId == runId)
            .Join(db.Items, p => p.ItemId, i => i.Id, (p, i) => new { i.Split, i.Position, i.ExternalId, p.Guess })
            .OrderBy(r => r.Split).ThenBy(r => r.Position)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.ExternalId, r.Guess)).ToList();
    }
}
