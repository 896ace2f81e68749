using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Runs;

/// <summary>Reads runs for lists and run pages, with their data set's name.</summary>
public sealed class RunList(IDbContextFactory<PricerDbContext> contexts)
{
    /// <summary>The newest runs first, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<RunListRow>> RecentAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.Id).Take(take)
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new RunListRow(r, d.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<RunListRow?> FindAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().Where(r => r.Id == runId)
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new RunListRow(r, d.Name))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
