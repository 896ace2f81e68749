using System.Globalization;
using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Features.Datasets;

/// <summary>
/// The browser's state as it appears in its address, so that a link reproduces a view:
/// /datasets/NAME?split=test&amp;category=Automotive&amp;min=10&amp;max=100&amp;q=brake+pads&amp;item=42.
/// </summary>
public static class BrowseAddress
{
    public const string Split = "split";
    public const string Category = "category";
    public const string MinPrice = "min";
    public const string MaxPrice = "max";
    public const string Search = "q";
    public const string Item = "item";

    public static string DatasetPath(string name) => "datasets/" + Uri.EscapeDataString(name);

    /// <summary>Reads a filter from query values; values that do not parse are ignored rather than failing the page.</summary>
    public static ItemFilter ToFilter(int datasetId, string? split, string? category, string? minPrice, string? maxPrice, string? search) => new(
        datasetId,
        SplitNames.TryParse(split, out var s) ? s : null,
        category,
        ParsePrice(minPrice),
        ParsePrice(maxPrice),
        string.IsNullOrWhiteSpace(search) ? null : search);

    /// <summary>Query values for a filter; null removes a value from the address.</summary>
    public static Dictionary<string, object?> ToQuery(ItemFilter filter) => new()
    {
        [Split] = filter.Split?.ToName(),
        [Category] = filter.Category,
        [MinPrice] = FormatPrice(filter.MinPrice),
        [MaxPrice] = FormatPrice(filter.MaxPrice),
        [Search] = filter.Search,
    };

    private static double? ParsePrice(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && double.IsFinite(price) ? price : null;

    private static string? FormatPrice(double? price) => price?.ToString(CultureInfo.InvariantCulture);
}
