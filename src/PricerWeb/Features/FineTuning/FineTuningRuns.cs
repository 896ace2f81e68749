using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>Queues fine-tuning and adapter-evaluation runs from the app.</summary>
public sealed class FineTuningRuns(RunQueue queue, SplitItems splits, FineTuningJobFactory jobs, AdapterCatalog adapters, FineTuningBases bases)
{
    /// <exception cref="ArgumentException">The settings cannot train; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> StartTrainingAsync(string dataset, FineTuningSettings settings, string? name, string startedBy, CancellationToken cancellationToken)
    {
        var model = bases.Find(settings.Base) ?? throw new ArgumentException($"There is no base model '{settings.Base}'.");
        if (model.Problem is { } problem) throw new ArgumentException($"{model.Key} cannot be used: {problem}");
        var (rank, targets) = (model.IsLlama, settings.Training, settings.LlamaTraining) switch
        {
            (false, { } training, null) => (training.Rank, training.Targets),
            (true, null, { } llama) => (llama.Rank, llama.Targets),
            _ => throw new ArgumentException($"Say how to train the adapter, with {(model.IsLlama ? "Llama" : "MiniLM")} settings for {model.Key}."),
        };
        if (settings.Nf4 && !model.IsLlama) throw new ArgumentException("NF4 (QLoRA) applies to Llama bases only.");
        settings.Training?.Validate();
        settings.LlamaTraining?.Validate();
        var defaultName = $"{(settings.Nf4 ? "QLoRA" : "LoRA")} {model.Key} r={rank} {string.Join("+", targets)}";
        return await EnqueueAsync(dataset, settings, string.IsNullOrWhiteSpace(name) ? defaultName : name.Trim(), startedBy, cancellationToken);
    }

    /// <summary>Prices <paramref name="report"/>'s items of a data set with a saved adapter, as a new run.</summary>
    /// <exception cref="ArgumentException">There is no such adapter.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> StartEvaluationAsync(string baseKey, string adapter, string dataset, ReportDefinition report, string startedBy, CancellationToken cancellationToken)
    {
        if (adapters.Folder(baseKey, adapter) is null) throw new ArgumentException($"There is no adapter '{adapter}' for base '{baseKey}'.");
        var settings = new FineTuningSettings { Base = baseKey, Adapter = adapter, ScoreItems = report.Size };
        return await EnqueueAsync(dataset, settings, $"LoRA eval {adapter} ({report.Key})", startedBy, cancellationToken);
    }

    private async Task<PricerRun> EnqueueAsync(string dataset, FineTuningSettings settings, string name, string startedBy, CancellationToken cancellationToken)
    {
        var datasetId = (await splits.DatasetAsync(dataset, cancellationToken)).Id;
        var run = new PricerRun
        {
            DatasetId = datasetId,
            Kind = RunKind.FineTuned,
            Name = name,
            Configuration = settings.ToJson(),
            StartedBy = startedBy,
            CodeVersion = CodeVersion.Current,
        };
        return await queue.EnqueueAsync(run, jobs.Create(settings), cancellationToken);
    }
}
