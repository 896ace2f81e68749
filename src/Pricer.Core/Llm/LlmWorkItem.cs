namespace Pricer.Core.Llm;

/// <summary>One item to price: the caller's key for it (an item row id) and the prompt already rendered.</summary>
public sealed record LlmWorkItem(long Key, string Prompt);
