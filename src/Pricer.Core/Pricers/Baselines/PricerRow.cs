using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>The columns the ML.NET baselines read; missing simple features are NaN, which the pipelines replace.</summary>
internal sealed class PricerRow
{
    public string Text { get; init; } = "";
    public float Weight { get; init; }
    public float Rank { get; init; }
    public float TextLength { get; init; }
    public float IsTopElectronicsBrand { get; init; }
    public float Label { get; init; }

    public static readonly string[] SimpleFeatureColumns =
        [nameof(Weight), nameof(Rank), nameof(TextLength), nameof(IsTopElectronicsBrand)];

    public static PricerRow From(Item item, bool logTarget)
    {
        var features = ItemFeatures.From(item);
        return new PricerRow
        {
            Text = item.Text ?? "",
            Weight = (float)(features.WeightPounds ?? double.NaN),
            Rank = (float)(features.BestSellersRank ?? double.NaN),
            TextLength = features.TextLength,
            IsTopElectronicsBrand = features.IsTopElectronicsBrand ? 1 : 0,
            Label = (float)(logTarget ? Math.Log(1 + item.Price) : item.Price),
        };
    }
}
