namespace Pricer.Data.Llm;

/// <summary>Where an LLM run stands: items priced of the total, what it has cost, and the retries so far.</summary>
/// <param name="InputTokens">Tokens paid for (cache hits excluded), over the whole run.</param>
public sealed record LlmRunProgress(
    int RunId, int Done, int Total, int CacheHits, long InputTokens, long OutputTokens, double CostUsd, int Retries, string? LastRetry);
