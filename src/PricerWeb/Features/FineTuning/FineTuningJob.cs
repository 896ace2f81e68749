using Microsoft.EntityFrameworkCore;
using Pricer.Data;
using Pricer.Data.Lora;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// Trains a LoRA adapter on MiniLM or a Llama base (or prices with a saved one) for a queued run on the compute lane,
/// with each step's loss going to every watcher of the run; <see cref="LoraRunner"/> stores the guesses into the run.
/// </summary>
public sealed class FineTuningJob(
    FineTuningSettings settings, LoraRunner runner, AdapterCatalog adapters, FineTuningBases bases, IDbContextFactory<PricerDbContext> contexts) : IRunJob
{
    public string Lane => RunLanes.Compute;

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        var run = context.Run;
        var model = bases.Find(settings.Base) ?? throw new InvalidOperationException($"There is no base model '{settings.Base}' to fine-tune.");
        if (model.Problem is { } problem) throw new InvalidOperationException($"{model.Key} cannot be used: {problem}");
        string dataset;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            dataset = await db.Datasets.Where(d => d.Id == run.DatasetId).Select(d => d.Name).SingleAsync(cancellationToken);
        var progress = new FineTuningProgress(context,
            settings.Training?.Epochs ?? settings.LlamaTraining?.Epochs ?? 1, settings.Training?.BatchSize ?? settings.LlamaTraining?.BatchSize ?? 1);
        var restart = context.Resumed ? " from the start (fine-tuning keeps no checkpoints)" : "";
        LoraRunResult result;
        if (settings.Training is { } training)
        {
            context.Log($"Fine-tuning {model.Key} on '{dataset}'{restart}.");
            result = await runner.TrainAsync(dataset, training, settings.ScoreItems, run.StartedBy, progress, cancellationToken, run.Id);
        }
        else if (settings.LlamaTraining is { } llama)
        {
            context.Log($"Fine-tuning {model.Key} ({model.Folder}){(settings.Nf4 ? " over NF4 weights" : "")} on '{dataset}'{restart}.");
            result = await runner.TrainLlamaAsync(dataset, model.Folder!, llama, settings.Nf4, settings.ScoreItems, run.StartedBy, progress, cancellationToken,
                run.Id, adapters.BaseRoot(model));
        }
        else
        {
            var folder = adapters.Folder(settings.Base, settings.Adapter!)
                ?? throw new InvalidOperationException($"There is no adapter '{settings.Adapter}' for {settings.Base}.");
            context.Log($"Pricing '{dataset}' with adapter {settings.Adapter}.");
            await (model.IsLlama
                ? runner.EvaluateLlamaAsync(dataset, model.Folder!, folder, model.Nf4, settings.ScoreItems, run.StartedBy, progress, cancellationToken, run.Id)
                : runner.EvaluateAsync(dataset, folder, settings.ScoreItems, run.StartedBy, progress, cancellationToken, run.Id));
            context.Log("Stored the validation and test guesses.");
            return;
        }
        context.Log($"Stored the validation and test guesses; the adapter is {Path.GetFileName(result.AdapterPath)} ({result.Parameters}).");
    }
}
