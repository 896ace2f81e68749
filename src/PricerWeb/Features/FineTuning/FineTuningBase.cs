using Pricer.Core.Models.MiniLm;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// A base model adapters can be trained on: its key (the CLI's --base, the adapters' folder name), what it is, and
/// the linear modules LoRA may target. New bases (a Llama folder) join <see cref="All"/>.
/// </summary>
public sealed record FineTuningBase(string Key, string Description, IReadOnlyList<string> TargetModules, IReadOnlyList<string> DefaultTargets)
{
    public static FineTuningBase MiniLm { get; } = new(
        "minilm", $"MiniLM ({MiniLmWeights.ModelName}), a price head on its mean-pooled encoding",
        ["query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"], ["query", "value"]);

    public static IReadOnlyList<FineTuningBase> All { get; } = [MiniLm];

    public static FineTuningBase? Find(string? key) =>
        All.FirstOrDefault(b => string.Equals(b.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
