using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pricer.Core.Evaluation;
using Pricer.Core.Lora;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// The saved adapters under &lt;data&gt;/adapters/&lt;base&gt;/&lt;name&gt; (where <see cref="Pricer.Data.Lora.LoraRunner"/>
/// saves them), the runs that trained them, and which one prices for each base. That choice is a small file beside
/// the adapters it names (pricing-adapter.json), not a database row: it travels and is deleted with the adapters,
/// the CLI can read it without the app, and it needs no migration.
/// </summary>
public sealed partial class AdapterCatalog(
    IOptions<StorageOptions> storage, FineTuningBases bases, IDbContextFactory<PricerDbContext> contexts, RunEvaluator evaluator, TimeProvider clock)
{
    public const string PricingFileName = "pricing-adapter.json";
    private const int MaxNameLength = 128;

    public string Root => Path.Combine(storage.Value.DataDirectory, "adapters");

    /// <summary>The folder a base's adapters are saved in.</summary>
    public string BaseRoot(FineTuningBase model) => Path.Combine(Root, model.Key);

    /// <summary>Whether <paramref name="name"/> can be an adapter's folder name: letters, digits, '.', '_', '-', no "..", no separators.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && SafeName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>The full path of a saved adapter's folder, or null when the base or name is unknown or unsafe.</summary>
    public string? Folder(string? baseKey, string? name)
    {
        if (bases.Find(baseKey) is not { } model || !IsValidName(name)) return null;
        var folder = Path.Combine(BaseRoot(model), name!);
        return File.Exists(Path.Combine(folder, PeftAdapterFormat.ConfigFileName)) ? folder : null;
    }

    /// <summary>Every readable adapter, newest first; folders whose adapter_config.json cannot be read are left out.</summary>
    public async Task<IReadOnlyList<AdapterSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var runs = await TrainingRunsAsync(cancellationToken);
        var adapters = new List<AdapterSummary>();
        foreach (var model in bases.All.Where(b => IsValidName(b.Key)))
        {
            var baseRoot = BaseRoot(model);
            if (!Directory.Exists(baseRoot)) continue;
            var pricing = ReadPricingAdapter(model.Key);
            foreach (var folder in Directory.EnumerateDirectories(baseRoot))
            {
                var name = Path.GetFileName(folder);
                if (!IsValidName(name)) continue;
                LoraConfig config;
                try
                {
                    config = PeftAdapterFormat.ReadConfig(Path.Combine(folder, PeftAdapterFormat.ConfigFileName));
                }
                catch (LoraFormatException)
                {
                    continue;
                }
                runs.TryGetValue(Path.GetFullPath(folder), out var run);
                adapters.Add(new AdapterSummary
                {
                    Base = model.Key,
                    Name = name,
                    Rank = config.Rank,
                    Alpha = config.Alpha,
                    Targets = config.TargetModules,
                    TrainableParameters = run?.TrainableParameters,
                    CreatedUtc = run?.StartedAtUtc ?? Directory.GetCreationTimeUtc(folder),
                    RunId = run?.Id,
                    Dataset = run?.Dataset,
                    ValidationError = run is null ? null : await ValidationErrorAsync(run.Id, cancellationToken),
                    Prices = name == pricing,
                });
            }
        }
        return [.. adapters.OrderByDescending(a => a.CreatedUtc).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>The adapter that prices for this base, or null when none was chosen (or it was deleted since).</summary>
    public string? PricingAdapter(string baseKey) =>
        bases.Find(baseKey) is not null && ReadPricingAdapter(baseKey) is { } name && Folder(baseKey, name) is not null ? name : null;

    /// <summary>Makes <paramref name="name"/> the adapter that prices for its base.</summary>
    /// <exception cref="ArgumentException">There is no such adapter.</exception>
    public async Task SetPricingAdapterAsync(string baseKey, string name, CancellationToken cancellationToken)
    {
        if (Folder(baseKey, name) is null) throw new ArgumentException($"There is no adapter '{name}' for base '{baseKey}'.");
        var path = PricingFile(baseKey);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new PricingChoice(name, clock.GetUtcNow().UtcDateTime)), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private string PricingFile(string baseKey) => Path.Combine(BaseRoot(bases.Find(baseKey)!), PricingFileName);

    private string? ReadPricingAdapter(string baseKey)
    {
        var path = PricingFile(baseKey);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<PricingChoice>(File.ReadAllText(path))?.Adapter;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<double?> ValidationErrorAsync(int runId, CancellationToken cancellationToken)
    {
        var result = await evaluator.EvaluateAsync(runId, ReportDefinition.Validation, cancellationToken);
        return result.Items.Count == 0 ? null : result.Metrics.Error;
    }

    /// <summary>Succeeded fine-tuning runs that saved an adapter, by the adapter's full path (the runner records it).</summary>
    private async Task<Dictionary<string, TrainingRun>> TrainingRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Runs.AsNoTracking()
            .Where(r => r.Kind == RunKind.FineTuned && r.Status == RunStatus.Succeeded)
            .Join(db.Datasets, r => r.DatasetId, d => d.Id, (r, d) => new { r.Id, r.Configuration, r.StartedAtUtc, Dataset = d.Name })
            .ToListAsync(cancellationToken);
        var byFolder = new Dictionary<string, TrainingRun>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (TrainingRecord.Read(row.Configuration) is not { } record) continue;
            byFolder[Path.GetFullPath(record.AdapterPath)] = new TrainingRun(row.Id, row.Dataset, row.StartedAtUtc, record.TrainableParameters);
        }
        return byFolder;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();

    private sealed record PricingChoice(string Adapter, DateTime ChosenAtUtc);

    private sealed record TrainingRun(int Id, string Dataset, DateTime StartedAtUtc, long TrainableParameters);

    /// <summary>What the runner writes into a training run's configuration; evaluation runs have no trainable_params.</summary>
    private sealed record TrainingRecord(string AdapterPath, long TrainableParameters)
    {
        public static TrainingRecord? Read(string configuration)
        {
            try
            {
                using var json = JsonDocument.Parse(configuration);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("adapter_path", out var path) || path.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("trainable_params", out var trainable) || !trainable.TryGetInt64(out var count))
                    return null;
                return new TrainingRecord(path.GetString()!, count);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
