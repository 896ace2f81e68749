using Pricer.Data.Datasets;

namespace PricerWeb.Features.Import;

/// <summary>
/// Finishes search indexes left incomplete when the app stopped while building one; those data sets can be browsed
/// meanwhile, and their searches say how much of them is indexed.
/// </summary>
public sealed class SearchIndexResume(SearchIndexer indexer, ILogger<SearchIndexResume> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var name in await indexer.ResumeAsync(stoppingToken))
                logger.LogInformation("Search index of '{Name}' completed after an interrupted import", name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping again: the next start carries on from the last committed batch.
        }
        catch (Exception error)
        {
            logger.LogError(error, "Completing an interrupted search index failed; it is tried again at the next start");
        }
    }
}
