using Pricer.Core.Embeddings;
using Pricer.Core.Pricers.Knn;

namespace Pricer.Core.Tests.Pricers;

public class KnnEstimateTests
{
    private static readonly double[] Prices = [10, 20, 60];

    [Fact]
    public void Mean_averages_and_weighted_leans_towards_the_nearest()
    {
        Neighbour[] neighbours = [new(0, 0, 0.9f), new(1, 1, 0.6f), new(2, 2, 0.3f)];

        Assert.Equal(30, KnnEstimate.Price(neighbours, n => Prices[n.Row], KnnWeighting.Mean, 99), 6);
        Assert.Equal((0.9 * 10 + 0.6 * 20 + 0.3 * 60) / 1.8, KnnEstimate.Price(neighbours, n => Prices[n.Row], KnnWeighting.SimilarityWeighted, 99), 5);
    }

    [Fact]
    public void Negative_similarities_weigh_nothing_and_no_neighbours_give_the_fallback()
    {
        Neighbour[] opposed = [new(0, 0, -0.2f), new(2, 2, -0.5f)];
        Neighbour[] mixed = [new(0, 0, 0.5f), new(2, 2, -0.5f)];

        Assert.Equal(35, KnnEstimate.Price(opposed, n => Prices[n.Row], KnnWeighting.SimilarityWeighted, 99), 6);
        Assert.Equal(10, KnnEstimate.Price(mixed, n => Prices[n.Row], KnnWeighting.SimilarityWeighted, 99), 6);
        Assert.Equal(99, KnnEstimate.Price([], n => Prices[n.Row], KnnWeighting.Mean, 99));
    }
}
