using System.Globalization;

namespace Pricer.Core.Items.Import;

/// <summary>Numbers that arrive as text (CSV cells, quoted JSON values): "12.5", " $12.50 ", "NaN".</summary>
internal static class NumberText
{
    /// <summary>Null for an empty cell; <paramref name="error"/> says why text that is there is not a number.</summary>
    public static double? Parse(string? text, string field, out string? error)
    {
        error = null;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty) return null;
        if (trimmed[0] == '$') trimmed = trimmed[1..].TrimStart();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        error = $"{field} is not a number: \"{(text!.Length <= 40 ? text : text[..40] + "…")}\"";
        return null;
    }
}
