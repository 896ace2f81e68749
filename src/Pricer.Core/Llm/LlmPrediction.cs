namespace Pricer.Core.Llm;

/// <summary>A priced item: the guess read from the reply, the reply itself, its tokens, cost and latency.</summary>
/// <param name="CacheHit">Answered from the response cache: nothing was sent and nothing was paid.</param>
/// <param name="LatencyMs">Time of the attempt that answered (0 for a cache hit).</param>
public sealed record LlmPrediction(
    long Key, string CacheKey, double Guess, string RawReply, int InputTokens, int OutputTokens, double CostUsd, double LatencyMs, bool CacheHit);
