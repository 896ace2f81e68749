using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;
using Pricer.Core.Training;
using Pricer.Data;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Training;

namespace PricerWeb.Features.Runs;

/// <summary>Queues neural-network training runs from the app (the new-run form, clone).</summary>
public sealed class TrainingRuns(RunQueue queue, SplitItems splits, NetworkRunner runner, IDbContextFactory<PricerDbContext> contexts)
{
    /// <exception cref="ArgumentException">The settings cannot train; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> StartAsync(string dataset, TrainingSettings settings, string? name, string? startedBy, CancellationToken cancellationToken)
    {
        settings.Validated();
        var datasetId = (await splits.DatasetAsync(dataset, cancellationToken)).Id;
        var run = new PricerRun
        {
            DatasetId = datasetId,
            Kind = RunKind.NeuralNetwork,
            Name = string.IsNullOrWhiteSpace(name) ? NetworkRunner.DefaultName : name.Trim(),
            Configuration = settings.ToJson(),
            StartedBy = string.IsNullOrWhiteSpace(startedBy) ? "web" : startedBy.Trim(),
            CodeVersion = CodeVersion.Current,
        };
        return await queue.EnqueueAsync(run, new TrainingJob(runner, contexts), cancellationToken);
    }
}
