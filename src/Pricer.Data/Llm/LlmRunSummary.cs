using Pricer.Core.Pricers;

namespace Pricer.Data.Llm;

/// <summary>An LLM run's outcome and totals: items priced, tokens paid for, cost and cache hits.</summary>
public sealed record LlmRunSummary(
    int RunId, RunStatus Status, string? Error, int Total, int Done, long InputTokens, long OutputTokens, double CostUsd, int CacheHits);
