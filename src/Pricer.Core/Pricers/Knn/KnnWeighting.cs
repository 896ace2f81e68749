namespace Pricer.Core.Pricers.Knn;

/// <summary>How the k nearest training prices combine into one guess.</summary>
public enum KnnWeighting
{
    /// <summary>The plain mean of the neighbours' prices.</summary>
    Mean,

    /// <summary>Each neighbour's price weighted by its (non-negative) cosine similarity to the item.</summary>
    SimilarityWeighted,
}
