namespace Pricer.Core.Embeddings;

/// <summary>Finds a data set's training items nearest to a text (retrieval for RAG prompts and the kNN pricer).</summary>
public interface ISimilarItems
{
    /// <summary>
    /// The <paramref name="k"/> training items whose embeddings are nearest to <paramref name="text"/>'s, best
    /// first; empty when the data set's training items have not been embedded.
    /// </summary>
    Task<IReadOnlyList<SimilarItem>> FindAsync(int datasetId, string text, int k, CancellationToken cancellationToken = default);
}
