using Microsoft.EntityFrameworkCore;
using Pricer.Data;
using Pricer.Data.Lora;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// Trains a LoRA adapter (or prices with a saved one) for a queued run on the compute lane, with each step's loss
/// going to every watcher of the run; <see cref="LoraRunner"/> stores the guesses into the run.
/// </summary>
public sealed class FineTuningJob(FineTuningSettings settings, LoraRunner runner, AdapterCatalog adapters, IDbContextFactory<PricerDbContext> contexts) : IRunJob
{
    public string Lane => RunLanes.Compute;

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        if (FineTuningBase.Find(settings.Base) is null) throw new InvalidOperationException($"There is no base model '{settings.Base}' to fine-tune.");
        string dataset;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            dataset = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.Name).SingleAsync(cancellationToken);
        var progress = new FineTuningProgress(context, settings.Training?.Epochs ?? 1, settings.Training?.BatchSize ?? 1);
        if (settings.Training is { } training)
        {
            context.Log($"Fine-tuning {settings.Base} on '{dataset}'{(context.Resumed ? " from the start (fine-tuning keeps no checkpoints)" : "")}.");
            var result = await runner.TrainAsync(dataset, training, settings.ScoreItems, run.StartedBy, progress, cancellationToken, run.Id);
            context.Log($"Stored the validation and test guesses; the adapter is {Path.GetFileName(result.AdapterPath)} ({result.Parameters}).");
        }
        else
        {
            var folder = adapters.Folder(settings.Base, settings.Adapter!)
                ?? throw new InvalidOperationException($"There is no adapter '{settings.Adapter}' for {settings.Base}.");
            context.Log($"Pricing '{dataset}' with adapter {settings.Adapter}.");
            await runner.EvaluateAsync(dataset, folder, settings.ScoreItems, run.StartedBy, progress, cancellationToken, run.Id);
            context.Log("Stored the validation and test guesses.");
        }
    }
}
