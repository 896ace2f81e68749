using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.MiniLm;
using Pricer.Core.Pricers;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace Pricer.Data.Lora;

/// <summary>
/// Fine-tunes MiniLM or a Llama folder with LoRA on a data set's training split, or loads a saved adapter, and
/// stores its validation and test guesses as a <see cref="RunKind.FineTuned"/> run. Adapters are kept under
/// &lt;data directory&gt;/adapters/minilm|llama/&lt;run name&gt;.
/// </summary>
public sealed class LoraRunner(SplitItems splits, RunStore runs, IOptions<StorageOptions> storage, TimeProvider clock)
{
    public string AdaptersRoot => Path.Combine(storage.Value.DataDirectory, "adapters", "minilm");

    public string LlamaAdaptersRoot => Path.Combine(storage.Value.DataDirectory, "adapters", "llama");

    /// <param name="scoreItems">How many of the first validation and test items to price (null: all).</param>
    /// <param name="progress">Log lines; see <see cref="LoraFineTuner.Train"/> for the per-step losses it can also get.</param>
    /// <param name="runId">A queued run to complete with the guesses (the app creates runs before their work starts); null stores a new run.</param>
    public async Task<LoraRunResult> TrainAsync(
        string datasetName, LoraFineTuneOptions options, int? scoreItems, string startedBy, IProgress<string>? progress, CancellationToken cancellationToken,
        int? runId = null)
    {
        options.Validate();
        var (dataset, train, scored, validation) = await TrainingDataAsync(datasetName, scoreItems, cancellationToken);

        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        using var encoder = MiniLmWeights.LoadPretrained();
        progress?.Report($"fine-tuning MiniLM (r={options.Rank}, targets {string.Join(",", options.Targets)}) on {options.MaxItems ?? train.Count:N0} of {train.Count:N0} items");
        var result = await Task.Run(() => LoraFineTuner.Train(encoder, train, validation, options, progress, cancellationToken), cancellationToken);
        using var pricer = result.Pricer;
        var name = $"lora-minilm-r{options.Rank}-{started:yyyyMMdd-HHmmss}";
        var adapterPath = Path.Combine(AdaptersRoot, name);
        pricer.Save(adapterPath);

        var configuration = JsonSerializer.Serialize(new
        {
            @base = MiniLmWeights.ModelName,
            adapter_path = adapterPath,
            options,
            trainable_params = result.Parameters.TrainableParameters,
            all_params = result.Parameters.AllParameters,
            epochs = result.Epochs,
            peak_memory_bytes = result.PeakMemoryBytes,
        });
        var run = await StoreAsync(runId, dataset.Id, name, configuration, pricer.Price, scored, started, watch, startedBy, progress, cancellationToken);
        return new LoraRunResult(run, adapterPath, result.Parameters, result.Epochs, result.PeakMemoryBytes, result.TrainItems);
    }

    /// <summary>
    /// LoRA (or, with <paramref name="nf4"/>, QLoRA) on the Llama in <paramref name="baseFolder"/> with the course prompt;
    /// guesses are the course 2024 top-3 weighted next-token prices.
    /// </summary>
    /// <param name="runId">A queued run to complete with the guesses; null stores a new run.</param>
    /// <param name="adaptersRoot">Where to save the adapter folder; null: <see cref="LlamaAdaptersRoot"/>.</param>
    public async Task<LoraRunResult> TrainLlamaAsync(
        string datasetName, string baseFolder, LlamaFineTuneOptions options, bool nf4, int? scoreItems, string startedBy,
        IProgress<string>? progress, CancellationToken cancellationToken, int? runId = null, string? adaptersRoot = null)
    {
        options.Validate();
        var (dataset, train, scored, validation) = await TrainingDataAsync(datasetName, scoreItems, cancellationToken);

        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        using var llama = LlamaFolder.Load(baseFolder, new LlamaLoadOptions { Nf4 = nf4 });
        progress?.Report($"fine-tuning {Path.GetFileName(llama.Folder)} ({llama.Model.Config.ParameterCount / 1e9:F2}B parameters) on {llama.Model.Device.type} in {llama.Model.Dtype}{(nf4 ? " over NF4 weights" : "")} " +
            $"(r={options.Rank}, targets {string.Join(",", options.Targets)}) on {options.MaxItems ?? train.Count:N0} of {train.Count:N0} items");
        var result = await Task.Run(() => LlamaFineTuner.Train(llama, train, validation, options, progress, cancellationToken), cancellationToken);
        using var pricer = result.Pricer;
        var name = $"{(nf4 ? "qlora" : "lora")}-{Path.GetFileName(llama.Folder).ToLowerInvariant()}-r{options.Rank}-{started:yyyyMMdd-HHmmss}";
        var adapterPath = Path.Combine(adaptersRoot ?? LlamaAdaptersRoot, name);
        pricer.Save(adapterPath);

        var configuration = JsonSerializer.Serialize(new
        {
            @base = llama.Folder,
            adapter_path = adapterPath,
            nf4,
            dtype = llama.Model.Dtype.ToString(),
            options,
            trainable_params = result.Parameters.TrainableParameters,
            all_params = result.Parameters.AllParameters,
            epochs = result.Epochs,
            peak_memory_bytes = result.PeakMemoryBytes,
        });
        var run = await StoreAsync(runId, dataset.Id, name, configuration, pricer.Price, scored, started, watch, startedBy, progress, cancellationToken);
        return new LoraRunResult(run, adapterPath, result.Parameters, result.Epochs, result.PeakMemoryBytes, result.TrainItems);
    }

    /// <summary>Prices a data set's validation and test items with a saved Llama adapter over <paramref name="baseFolder"/>.</summary>
    /// <param name="runId">A queued run to complete with the guesses; null stores a new run.</param>
    public async Task<LoraRunResult> EvaluateLlamaAsync(
        string datasetName, string baseFolder, string adapterPath, bool nf4, int? scoreItems, string startedBy, IProgress<string>? progress, CancellationToken cancellationToken,
        int? runId = null)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var scored = await ScoredAsync(dataset.Id, scoreItems, cancellationToken);
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        using var llama = LlamaFolder.Load(baseFolder, new LlamaLoadOptions { Nf4 = nf4 });
        using var pricer = LlamaPricer.Load(llama, adapterPath);
        var name = $"lora-eval-{Path.GetFileName(Path.TrimEndingDirectorySeparator(adapterPath))}";
        var configuration = JsonSerializer.Serialize(new { @base = llama.Folder, adapter_path = Path.GetFullPath(adapterPath), nf4 });
        var run = await StoreAsync(runId, dataset.Id, name, configuration, pricer.Price, scored, started, watch, startedBy, progress, cancellationToken);
        return new LoraRunResult(run, adapterPath, pricer.Parameters, [], Process.GetCurrentProcess().PeakWorkingSet64, 0);
    }

    /// <summary>Prices a data set's validation and test items with a saved adapter folder and stores the run.</summary>
    /// <param name="runId">A queued run to complete with the guesses; null stores a new run.</param>
    public async Task<LoraRunResult> EvaluateAsync(
        string datasetName, string adapterPath, int? scoreItems, string startedBy, IProgress<string>? progress, CancellationToken cancellationToken,
        int? runId = null)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var scored = await ScoredAsync(dataset.Id, scoreItems, cancellationToken);
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        using var encoder = MiniLmWeights.LoadPretrained();
        using var pricer = LoraPricer.Load(encoder, adapterPath);
        var name = $"lora-eval-{Path.GetFileName(Path.TrimEndingDirectorySeparator(adapterPath))}";
        var configuration = JsonSerializer.Serialize(new { @base = MiniLmWeights.ModelName, adapter_path = Path.GetFullPath(adapterPath) });
        var run = await StoreAsync(runId, dataset.Id, name, configuration, pricer.Price, scored, started, watch, startedBy, progress, cancellationToken);
        return new LoraRunResult(run, adapterPath, pricer.Parameters, [], Process.GetCurrentProcess().PeakWorkingSet64, 0);
    }

    private async Task<IReadOnlyList<(long RowId, Item Item)>> ScoredAsync(int datasetId, int? scoreItems, CancellationToken cancellationToken)
    {
        var scored = new List<(long RowId, Item Item)>();
        foreach (var split in new[] { Split.Validation, Split.Test })
        {
            var items = await splits.LoadAsync(datasetId, split, cancellationToken);
            scored.AddRange(scoreItems is { } limit ? items.Take(limit) : items);
        }
        return scored;
    }

    /// <summary>The data set's training items, and the validation and test items to price (the validation ones also score epochs).</summary>
    private async Task<(Dataset Dataset, List<Item> Train, IReadOnlyList<(long RowId, Item Item)> Scored, List<Item> Validation)> TrainingDataAsync(
        string datasetName, int? scoreItems, CancellationToken cancellationToken)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var train = (await splits.LoadAsync(dataset.Id, Split.Train, cancellationToken)).Select(i => i.Item).ToList();
        if (train.Count < 2) throw new InvalidOperationException($"Data set '{datasetName}' has {train.Count} training items; fine-tuning needs at least 2.");
        var scored = await ScoredAsync(dataset.Id, scoreItems, cancellationToken);
        var validation = scored.Where(s => s.Item.Split == Split.Validation).Select(s => s.Item).ToList();
        return (dataset, train, scored, validation);
    }

    private async Task<PricerRun> StoreAsync(
        int? runId, int datasetId, string name, string configuration, Func<IReadOnlyList<string>, CancellationToken, double[]> price, IReadOnlyList<(long RowId, Item Item)> scored,
        DateTime started, Stopwatch watch, string startedBy, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report($"pricing {scored.Count:N0} validation and test items");
        var scoring = Stopwatch.StartNew();
        var guesses = await Task.Run(() => price([.. scored.Select(s => s.Item.Text)], cancellationToken), cancellationToken);
        var perItemMs = scoring.Elapsed.TotalMilliseconds / Math.Max(1, scored.Count);
        var run = new PricerRun
        {
            DatasetId = datasetId,
            Kind = RunKind.FineTuned,
            Name = name,
            Configuration = configuration,
            StartedBy = startedBy,
            StartedAtUtc = started,
            FinishedAtUtc = started + watch.Elapsed,
            CodeVersion = CodeVersion.Current,
        };
        var predictions = scored.Select((s, i) => new Prediction { ItemId = s.RowId, Guess = guesses[i], LatencyMs = perItemMs }).ToList();
        return runId is { } existing
            ? await runs.CompleteAsync(existing, configuration, predictions, cancellationToken)
            : await runs.AddCompletedAsync(run, predictions, cancellationToken);
    }
}
