namespace Pricer.Core.Llm;

/// <summary>One item to price: the caller's key for it (an item row id), the prompt already rendered and its <see cref="LlmCacheKey"/>.</summary>
public sealed record LlmWorkItem(long Key, string Prompt, string CacheKey);
