namespace Pricer.Data.Llm;

/// <summary>An LLM run stopped before pricing every item; the message says why and is safe to show (it never holds a key).</summary>
public sealed class LlmRunStoppedException(string message) : Exception(message);
