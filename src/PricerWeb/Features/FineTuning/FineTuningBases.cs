using Microsoft.Extensions.Options;
using Pricer.Core.Models.Llama;
using Pricer.Data;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// The base models on offer: MiniLM, the Llama folders named in <see cref="FineTuningOptions.Bases"/>, and the folders
/// under &lt;data directory&gt;/models/. Read afresh on every call (a few file checks), so a folder copied in while the app
/// runs shows up on the next page load. A folder is checked for its files, not loaded; a missing file becomes the
/// base's <see cref="FineTuningBase.Problem"/>.
/// </summary>
public sealed class FineTuningBases(IOptionsMonitor<FineTuningOptions> options, IOptions<StorageOptions> storage)
{
    public string ModelsRoot => Path.Combine(storage.Value.DataDirectory, "models");

    public IReadOnlyList<FineTuningBase> All
    {
        get
        {
            var bases = new List<FineTuningBase> { FineTuningBase.MiniLm };
            foreach (var configured in options.CurrentValue.Bases)
            {
                var name = configured.Name.Trim();
                var problem = !AdapterCatalog.IsValidName(name) ? $"The base name '{name}' must have only letters, digits, '.', '_' and '-'."
                    : bases.Any(b => Same(b.Key, name)) ? $"The base name '{name}' is used twice."
                    : configured.MaxNewTokens is < 1 or > 64 ? $"{name}: max new tokens must be from 1 to 64 (got {configured.MaxNewTokens})."
                    : FolderProblem(configured.Path);
                bases.Add(FineTuningBase.Llama(name, configured.Path, configured.Nf4, configured.MaxNewTokens, problem));
            }
            if (options.CurrentValue.DiscoverModels && Directory.Exists(ModelsRoot))
            {
                foreach (var folder in Directory.EnumerateDirectories(ModelsRoot).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(folder);
                    if (!AdapterCatalog.IsValidName(name) || bases.Any(b => Same(b.Key, name) || SameFolder(b.Folder, folder))) continue;
                    bases.Add(FineTuningBase.Llama(name, folder, nf4: false, Pricer.Core.Lora.FineTuning.Llama.LlamaPricer.MaxNewTokens, FolderProblem(folder)));
                }
            }
            return bases;
        }
    }

    /// <summary>The base with this key; null for an unknown key or one that cannot name a folder.</summary>
    public FineTuningBase? Find(string? key) =>
        AdapterCatalog.IsValidName(key?.Trim()) ? All.FirstOrDefault(b => Same(b.Key, key!.Trim())) : null;

    /// <summary>Why <paramref name="folder"/> is not a loadable Hugging Face Llama folder, or null when it has what loading reads.</summary>
    public static string? FolderProblem(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder)) return $"There is no folder at '{folder}'.";
        if (!File.Exists(Path.Combine(folder, LlamaFolder.ConfigFileName))) return $"{folder} has no {LlamaFolder.ConfigFileName}.";
        if (!LlamaFolder.IsLlamaFolder(folder)) return $"{folder}/{LlamaFolder.ConfigFileName} does not say model_type \"llama\".";
        if (!File.Exists(Path.Combine(folder, LlamaFolder.WeightsFileName)) && !File.Exists(Path.Combine(folder, LlamaFolder.IndexFileName)))
            return $"{folder} has neither {LlamaFolder.WeightsFileName} nor {LlamaFolder.IndexFileName} (the safetensors weights).";
        if (!File.Exists(Path.Combine(folder, LlamaFolder.TokenizerFileName))) return $"{folder} has no {LlamaFolder.TokenizerFileName}.";
        return null;
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool SameFolder(string? configured, string discovered) =>
        !string.IsNullOrWhiteSpace(configured) && string.Equals(
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(configured)), Path.GetFullPath(discovered), StringComparison.Ordinal);
}
