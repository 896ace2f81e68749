using Microsoft.ML;
using Microsoft.ML.Data;
using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>
/// A fitted ML.NET pipeline; scores a whole list through one IDataView pass. Guesses stay between 0 and the
/// highest training price: a line extrapolated far past the prices it saw (exponentially so with a log
/// target) says nothing about price.
/// </summary>
internal sealed class MlNetPricer(string name, MLContext context, ITransformer model, bool logTarget, double maxPrice) : IPricer
{
    public string Name { get; } = name;

    public double Price(Item item) => PriceAll([item])[0];

    public IReadOnlyList<double> PriceAll(IReadOnlyList<Item> items)
    {
        if (items.Count == 0) return [];
        var rows = context.Data.LoadFromEnumerable(items.Select(item => PricerRow.From(item, logTarget)));
        return model.Transform(rows).GetColumn<float>("Score")
            .Select(score => Guess.Clamp(Math.Min(logTarget ? Math.Exp(score) - 1 : score, maxPrice)))
            .ToArray();
    }
}
