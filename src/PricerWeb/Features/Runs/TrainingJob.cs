using Microsoft.EntityFrameworkCore;
using Pricer.Core.Training;
using Pricer.Data;
using Pricer.Data.Training;
using PricerWeb.Features.Import;

namespace PricerWeb.Features.Runs;

/// <summary>Trains a price network for a queued run on the compute lane; a resumed run goes on from its last checkpoint.</summary>
public sealed class TrainingJob(NetworkRunner runner, IDbContextFactory<PricerDbContext> contexts) : IRunJob
{
    public string Lane => RunLanes.Compute;

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var settings = TrainingSettings.FromJson(run.Configuration);
        string dataset;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            dataset = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.Name).SingleAsync(cancellationToken);
        context.Log(context.Resumed ? $"Resuming on '{dataset}' from the last checkpoint." : $"Training on '{dataset}'.");

        using var result = await runner.RunAsync(new NetworkRunRequest
        {
            Dataset = dataset,
            Settings = settings,
            Name = run.Name,
            StartedBy = run.StartedBy,
            RunId = run.Id,
        }, Reporter(context), cancellationToken);
        context.Log($"Stored the validation and test predictions; the model is in {result.ModelFolder}.");
    }

    private static InlineProgress<TrainingProgress> Reporter(RunJobContext context)
    {
        var updates = new TrainingRunUpdates();
        return new InlineProgress<TrainingProgress>(progress => context.Report(updates.From(progress)));
    }
}
