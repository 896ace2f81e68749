using Pricer.Core.Embeddings;

namespace Pricer.Core.Pricers.Knn;

/// <summary>A price from the prices of an item's nearest training items.</summary>
public static class KnnEstimate
{
    /// <param name="neighbours">The nearest training items (any order).</param>
    /// <param name="priceOf">The training price of a neighbour.</param>
    /// <param name="fallback">The guess when there are no neighbours (the training mean, say).</param>
    public static double Price(IReadOnlyList<Neighbour> neighbours, Func<Neighbour, double> priceOf, KnnWeighting weighting, double fallback)
    {
        if (neighbours.Count == 0) return fallback;
        double sum = 0, weights = 0;
        foreach (var neighbour in neighbours)
        {
            var weight = weighting == KnnWeighting.Mean ? 1 : Math.Max(0, neighbour.Similarity);
            sum += weight * priceOf(neighbour);
            weights += weight;
        }
        // Every neighbour pointing away from the item (similarity <= 0) leaves no weight: fall back to the mean.
        return weights > 0 ? sum / weights : neighbours.Average(priceOf);
    }
}
