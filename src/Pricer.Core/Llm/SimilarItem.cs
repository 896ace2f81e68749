namespace Pricer.Core.Llm;

/// <summary>A training item shown to the model as context in a RAG prompt.</summary>
public sealed record SimilarItem(string Text, double Price);
