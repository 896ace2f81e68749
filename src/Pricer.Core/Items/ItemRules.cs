using System.Text;
using System.Text.Json;

namespace Pricer.Core.Items;

/// <summary>What makes an item acceptable to import; shared by every parser so they reject the same rows.</summary>
public static class ItemRules
{
    public const double MaxPrice = 1_000_000;
    public const int MaxTextBytes = 64 * 1024;
    public const int MaxIdLength = 200;
    public const int MaxCategoryLength = 200;
    public const int MaxDetailsBytes = 1024 * 1024;

    /// <summary>Returns why the price cannot be used, or null when it can.</summary>
    public static string? CheckPrice(double? price) => price switch
    {
        null => "price is missing",
        var p when double.IsNaN(p.Value) || double.IsInfinity(p.Value) => "price is not a finite number",
        <= 0 => $"price {price} is not positive",
        > MaxPrice => $"price {price} is over {MaxPrice:N0}",
        _ => null,
    };

    /// <summary>Returns why the text cannot be used, or null when it can.</summary>
    public static string? CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "text is empty";
        return CheckSize("text", text, MaxTextBytes);
    }

    public static string? CheckTitle(string title) => CheckSize("title", title, MaxTextBytes);

    public static string? CheckId(string id) =>
        id.Length > MaxIdLength ? $"id is {id.Length:N0} characters, over the {MaxIdLength}-character limit" : null;

    public static string? CheckCategory(string category) =>
        category.Length > MaxCategoryLength ? $"category is {category.Length:N0} characters, over the {MaxCategoryLength}-character limit" : null;

    /// <summary>Details must be "" or a JSON object, which the browser shows as a table.</summary>
    public static string? CheckDetails(string details)
    {
        if (details.Length == 0) return null;
        if (CheckSize("details", details, MaxDetailsBytes) is { } tooLarge) return tooLarge;
        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "details is not a JSON object";
        }
        catch (JsonException)
        {
            return "details is not valid JSON";
        }
    }

    private static string? CheckSize(string field, string value, int maxBytes)
    {
        if (value.Length <= maxBytes / 3) return null;
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes > maxBytes ? $"{field} is {bytes:N0} bytes, over the {maxBytes:N0}-byte limit" : null;
    }
}
