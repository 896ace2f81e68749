using System.Globalization;

namespace Pricer.Data.Guessing;

/// <summary>The rule a guess must pass: a positive finite number of dollars, at most a million.</summary>
public static class GuessPrice
{
    public const double Max = 1_000_000;

    /// <summary>Null when valid, else the reason.</summary>
    public static string? Problem(double price) =>
        !double.IsFinite(price) ? "A guess must be a number." :
        price <= 0 ? "A guess must be more than $0." :
        price > Max ? $"A guess must be at most ${Max:N0}." :
        null;

    /// <summary>Reads "129", "$1,299.50" or " 12.5 " (invariant culture); false for anything else.</summary>
    public static bool TryParse(string? text, out double price)
    {
        price = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var cleaned = text.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal).Trim();
        return double.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out price);
    }
}
