using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pricer.Data;
using Pricer.Data.Datasets;

namespace PricerWeb.Features.Import;

/// <summary>
/// Queues the configured <see cref="StartupImportOptions"/> data sets that do not exist yet. Hosted services
/// start after Program.cs has migrated the database, and the imports run through <see cref="ImportJobs"/> so
/// the browser shows their progress.
/// </summary>
public sealed class StartupImport(
    IOptions<StartupImportOptions> options,
    ImportJobs jobs,
    ImportSources sources,
    IDbContextFactory<PricerDbContext> contexts,
    ILogger<StartupImport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var entry in options.Value.DataSets)
        {
            if (DatasetNames.Validate(entry.Name) is { } nameError)
            {
                logger.LogError("Start-up import of {Source} skipped: the name '{Name}' is not valid. {Reason}", entry.Source, entry.Name, nameError);
                continue;
            }
            var remote = sources.IsRemote(entry.Source);
            if (!remote && sources.CheckLocal(entry.Source) is { } sourceError)
            {
                logger.LogWarning("Start-up import of '{Name}' skipped: {Reason}", entry.Name, sourceError);
                continue;
            }
            var source = remote ? entry.Source : sources.ResolveLocal(entry.Source);

            await using var db = await contexts.CreateDbContextAsync(stoppingToken);
            if (await db.Datasets.AnyAsync(d => d.Name == entry.Name, stoppingToken))
            {
                logger.LogInformation("Start-up import of '{Name}' not needed: the data set exists", entry.Name);
                continue;
            }
            jobs.Enqueue(new ImportRequest(entry.Name, source, Replace: false, SkipBadRows: entry.SkipBadRows), entry.Source);
        }
    }
}
