using System.Globalization;
using System.Text.RegularExpressions;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>Reads Amazon's "Item Weight" texts ("19.3 pounds", "12 ounces", "1.2 Kilograms", "500 g").</summary>
public static partial class ItemWeight
{
    private const double GramsPerPound = 453.59237;

    /// <summary>Anything heavier is a typo or a hostile value, not a product weight.</summary>
    public const double MaxPounds = 100_000;

    /// <summary>The weight in pounds, or null when the text is not a positive weight in a known unit.</summary>
    public static double? ToPounds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100) return null;
        var match = WeightPattern().Match(text);
        if (!match.Success) return null;
        if (!double.TryParse(match.Groups["amount"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var amount)) return null;
        if (match.Groups["hundredths"].Success) amount /= 100;
        double? pounds = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "pound" or "pounds" or "lb" or "lbs" => amount,
            "ounce" or "ounces" or "oz" => amount / 16,
            "kilogram" or "kilograms" or "kg" or "kgs" => amount * 1000 / GramsPerPound,
            "gram" or "grams" or "g" => amount / GramsPerPound,
            "milligram" or "milligrams" or "mg" => amount / 1000 / GramsPerPound,
            _ => null,
        };
        return pounds is > 0 and <= MaxPounds ? pounds : null;
    }

    [GeneratedRegex(@"^\s*(?<amount>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?<hundredths>hundredths\s+)?(?<unit>[a-z]+)\.?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeightPattern();
}
