using Microsoft.EntityFrameworkCore;

namespace Pricer.Data;

/// <summary>Brings the database to the current schema; run once at start-up by the app and the CLI.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<PricerDbContext> contexts)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the browser read while an import or a training run writes; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
