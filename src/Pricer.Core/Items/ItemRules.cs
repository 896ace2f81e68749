namespace Pricer.Core.Items;

/// <summary>What makes an item acceptable to import; shared by every parser so they reject the same rows.</summary>
public static class ItemRules
{
    public const double MaxPrice = 1_000_000;
    public const int MaxTextBytes = 64 * 1024;

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
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        return bytes > MaxTextBytes ? $"text is {bytes:N0} bytes, over the {MaxTextBytes:N0}-byte limit" : null;
    }
}
