using Pricer.Core.Embeddings;

namespace Pricer.Data.Embeddings;

/// <summary>A data set's embedded training items: their vectors in one index, and their prices by index row.</summary>
public sealed record TrainingIndex(VectorIndex Vectors, double[] Prices)
{
    public double MeanPrice { get; } = Prices.Length == 0 ? 0 : Prices.Average();
}
