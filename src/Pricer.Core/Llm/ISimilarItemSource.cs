namespace Pricer.Core.Llm;

/// <summary>Finds a data set's training items nearest to a text, for RAG prompts (provided by the embeddings feature).</summary>
public interface ISimilarItemSource
{
    /// <summary>The <paramref name="count"/> training items of the data set nearest to <paramref name="text"/>, nearest first.</summary>
    Task<IReadOnlyList<SimilarItem>> FindAsync(int datasetId, string text, int count, CancellationToken cancellationToken);
}
