using System.Text.Json;
using Pricer.Core.Llm;

namespace Pricer.Data.Llm;

/// <summary>Everything an LLM run needs to run (or resume), stored as the run's configuration JSON; keys are named, never held.</summary>
public sealed record LlmRunSettings
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required LlmProviderOptions Provider { get; init; }

    public LlmItemSet Items { get; init; } = new();

    public string PromptTemplate { get; init; } = Pricer.Core.Llm.PromptTemplate.Frontier;

    /// <summary>Adds the 5 nearest training items with their prices to each prompt (the course's 2025 RAG).</summary>
    public bool Rag { get; init; }

    /// <summary>The most the run may spend in US dollars; null for no limit.</summary>
    public double? BudgetUsd { get; init; }

    public const int SimilarItemsShown = 5;

    public string ToJson() => JsonSerializer.Serialize(new { kind = "llm", settings = this }, Json);

    public static LlmRunSettings FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("settings").Deserialize<LlmRunSettings>(Json)
            ?? throw new InvalidOperationException("The run's configuration holds no LLM settings.");
    }

    /// <summary>Whether a run's configuration was written by <see cref="ToJson"/> (other jobs may store runs of kind Llm too).</summary>
    public static bool IsLlmConfiguration(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "llm"
                && document.RootElement.TryGetProperty("settings", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public IReadOnlyList<string> Problems()
    {
        var problems = Provider.Problems().ToList();
        if (Core.Llm.PromptTemplate.Problem(PromptTemplate) is { } template) problems.Add(template);
        if (Items.Problem() is { } items) problems.Add(items);
        if (BudgetUsd is < 0) problems.Add("The budget cannot be negative.");
        return problems;
    }
}
