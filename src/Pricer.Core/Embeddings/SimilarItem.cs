namespace Pricer.Core.Embeddings;

/// <summary>A training item near a query, with the price a pricer may learn from.</summary>
/// <param name="ItemId">The item's row id.</param>
/// <param name="Similarity">Cosine similarity to the query, -1 to 1.</param>
public sealed record SimilarItem(long ItemId, string Title, string Category, string Text, double Price, float Similarity);
