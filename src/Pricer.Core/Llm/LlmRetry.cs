namespace Pricer.Core.Llm;

/// <summary>A failed attempt that will be tried again after <paramref name="Delay"/>.</summary>
public sealed record LlmRetry(long Key, int Attempt, string Reason, TimeSpan Delay);
