using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.MiniLm;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// A base model adapters can be trained on: its key (the adapters' folder name), what it is, and the linear modules
/// LoRA may target. MiniLM is always there; Llama bases come from <see cref="FineTuningBases"/> with their folder and
/// settings, and with a <see cref="Problem"/> when their folder cannot be loaded.
/// </summary>
public sealed record FineTuningBase(string Key, string Description, IReadOnlyList<string> TargetModules, IReadOnlyList<string> DefaultTargets)
{
    public static FineTuningBase MiniLm { get; } = new(
        "minilm", $"MiniLM ({MiniLmWeights.ModelName}), a price head on its mean-pooled encoding",
        ["query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"], ["query", "value"]);

    /// <summary>The Hugging Face folder of a Llama base; null for MiniLM.</summary>
    public string? Folder { get; init; }

    public bool Nf4 { get; init; }

    public int MaxNewTokens { get; init; } = LlamaPricer.MaxNewTokens;

    /// <summary>Why this base cannot be trained or served (a missing file, a bad name); null when it can.</summary>
    public string? Problem { get; init; }

    public bool IsLlama => Folder is not null;

    public static FineTuningBase Llama(string key, string folder, bool nf4, int maxNewTokens, string? problem) =>
        new(key, $"Llama folder {folder}{(nf4 ? ", NF4 (QLoRA)" : "")}, prices from the course prompt",
            LlamaFineTuneOptions.KnownTargets, LlamaFineTuneOptions.AttentionTargets)
        {
            Folder = folder,
            Nf4 = nf4,
            MaxNewTokens = maxNewTokens,
            Problem = problem,
        };
}
