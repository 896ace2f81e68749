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
        run.FinishedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var prediction in predictions) prediction.RunId = run.Id;
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
}
