namespace Pricer.Core.Embeddings;

/// <summary>One search result: the row in the index, the id stored with it and its cosine similarity to the query.</summary>
public readonly record struct Neighbour(int Row, long Id, float Similarity);
