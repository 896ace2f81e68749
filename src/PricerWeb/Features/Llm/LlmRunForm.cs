using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Data.Llm;

namespace PricerWeb.Features.Llm;

/// <summary>What the LLM page's form holds, and the run settings it makes.</summary>
public sealed class LlmRunForm
{
    /// <summary>The item-set choice that means "a random sample of the test split".</summary>
    public const string Sample = "sample";

    public string? Provider { get; set; }
    public string Items { get; set; } = ReportDefinition.Course2024.Key;
    public int SampleSize { get; set; } = 100;
    public string Template { get; set; } = PromptTemplate.Frontier;
    public int? Concurrency { get; set; }
    public double? BudgetUsd { get; set; } = 1;
    public bool Rag { get; set; }
    public string? Name { get; set; }

    /// <summary>The settings to run with, taking the chosen provider's configuration and the form's overrides.</summary>
    /// <exception cref="ArgumentException">No provider is chosen, or the item choice is unknown.</exception>
    public LlmRunSettings ToSettings(LlmOptions options)
    {
        var provider = options.Find(Provider)?.Copy() ?? throw new ArgumentException("Choose a provider.");
        if (Concurrency is { } concurrency) provider.Concurrency = concurrency;
        return new LlmRunSettings
        {
            Provider = provider,
            Items = ItemSet(),
            PromptTemplate = Template,
            Rag = Rag,
            BudgetUsd = BudgetUsd,
        };
    }

    private LlmItemSet ItemSet() =>
        Items == Sample ? new LlmItemSet { Split = Split.Test, Sample = SampleSize }
        : ReportDefinition.TryFind(Items, out var report) ? LlmItemSet.ForReport(report)
        : throw new ArgumentException($"Unknown item set '{Items}'.");
}
