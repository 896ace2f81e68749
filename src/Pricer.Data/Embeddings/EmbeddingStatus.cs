namespace Pricer.Data.Embeddings;

/// <summary>How much of a data set one model has embedded, overall and in the training split (the one searched).</summary>
public sealed record EmbeddingStatus(string Model, int Embedded, int Total, int TrainEmbedded, int TrainTotal)
{
    public bool IsComplete => Embedded == Total;

    /// <summary>Whether any training item can be found as a neighbour yet.</summary>
    public bool CanSearch => TrainEmbedded > 0;
}
