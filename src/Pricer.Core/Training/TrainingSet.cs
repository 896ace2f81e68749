using Pricer.Core.Items;
using Pricer.Core.Text;

namespace Pricer.Core.Training;

/// <summary>Items' features with their prices in dollars, row for row.</summary>
public sealed record TrainingSet
{
    public TrainingSet(SparseMatrix features, float[] prices)
    {
        if (features.Rows != prices.Length) throw new ArgumentException($"{features.Rows:N0} feature rows but {prices.Length:N0} prices.");
        if (prices.Any(p => !float.IsFinite(p) || p < 0)) throw new ArgumentException("Every price must be a finite number of at least 0.");
        Features = features;
        Prices = prices;
    }

    public SparseMatrix Features { get; }
    public float[] Prices { get; }

    public int Count => Prices.Length;

    public static TrainingSet FromItems(HashingVectorizer vectorizer, IReadOnlyList<Item> items) =>
        new(SparseMatrix.Vectorize(vectorizer, items.Select(i => i.Text)), items.Select(i => (float)i.Price).ToArray());

    public TrainingSet Select(IReadOnlyList<int> rows) => new(Features.Select(rows), rows.Select(r => Prices[r]).ToArray());
}
