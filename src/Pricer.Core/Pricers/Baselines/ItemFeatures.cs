using System.Text.Json;
using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>
/// The four simple features of the course's week-6 linear regression, read from an item's details JSON.
/// Missing values stay null: the trained pipeline fills them with the training mean, as the course did.
/// </summary>
public sealed record ItemFeatures(double? WeightPounds, double? BestSellersRank, int TextLength, bool IsTopElectronicsBrand)
{
    /// <summary>The course's list, compared with the details' "Brand" ignoring case.</summary>
    public static IReadOnlySet<string> TopElectronicsBrands { get; } = new HashSet<string>(
        ["hp", "dell", "lenovo", "samsung", "asus", "sony", "canon", "apple", "intel"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Never throws: details that are not a JSON object, or fields of the wrong type, count as missing.</summary>
    public static ItemFeatures From(Item item)
    {
        double? weight = null, rank = null;
        var topBrand = false;
        if (TryParseObject(item.Details) is { } details)
        {
            using (details)
            {
                var root = details.RootElement;
                weight = ItemWeight.ToPounds(StringProperty(root, "Item Weight"));
                rank = MeanRank(root);
                topBrand = StringProperty(root, "Brand") is { } brand && TopElectronicsBrands.Contains(brand.Trim());
            }
        }
        weight ??= item.Weight is > 0 and <= ItemWeight.MaxPounds ? item.Weight : null;
        return new ItemFeatures(weight, rank, item.Text?.Length ?? 0, topBrand);
    }

    private static JsonDocument? TryParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The course averaged the item's ranks over all its best-seller categories.</summary>
    private static double? MeanRank(JsonElement root)
    {
        if (!root.TryGetProperty("Best Sellers Rank", out var ranks) || ranks.ValueKind != JsonValueKind.Object) return null;
        double sum = 0;
        var count = 0;
        foreach (var category in ranks.EnumerateObject())
        {
            if (category.Value.ValueKind == JsonValueKind.Number && category.Value.TryGetDouble(out var rank)
                && double.IsFinite(rank) && rank > 0)
            {
                sum += rank;
                count++;
            }
        }
        return count > 0 && double.IsFinite(sum) ? sum / count : null;
    }
}
