using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>Queues fine-tuning and adapter-evaluation runs from the app.</summary>
public sealed class FineTuningRuns(RunQueue queue, SplitItems splits, FineTuningJobFactory jobs, AdapterCatalog adapters)
{
    /// <exception cref="ArgumentException">The settings cannot train; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> StartTrainingAsync(string dataset, FineTuningSettings settings, string? name, string startedBy, CancellationToken cancellationToken)
    {
        var training = settings.Training ?? throw new ArgumentException("Say how to train the adapter.");
        training.Validate();
        var model = FineTuningBase.Find(settings.Base) ?? throw new ArgumentException($"There is no base model '{settings.Base}'.");
        var defaultName = $"LoRA {model.Key} r={training.Rank} {string.Join("+", training.Targets)}";
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
