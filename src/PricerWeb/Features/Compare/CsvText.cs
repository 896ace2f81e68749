using System.Globalization;

namespace PricerWeb.Features.Compare;

/// <summary>Fields for CSV files that spreadsheets and the prediction importer read as written.</summary>
public static class CsvText
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>The text as one RFC 4180 field: quoted, with quotes doubled, where it holds a comma, quote or line break.</summary>
    public static string Field(string text) =>
        text.IndexOfAny(NeedsQuotes) >= 0 || text.Length != text.Trim().Length ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    /// <summary>
    /// Like <see cref="Field"/>, and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
    /// gets a leading apostrophe, so a hostile run name or title is shown, never evaluated.
    /// </summary>
    public static string TextField(string text) =>
        Field(text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text);

    /// <summary>A number as the importer and spreadsheets read it: invariant culture, shortest exact form.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
