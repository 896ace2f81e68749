using System.Text.Json;

namespace PricerWeb.Features.Datasets;

/// <summary>
/// An item's details JSON as rows of a key/value table. Nested objects are flattened into "Outer › Inner"
/// keys; arrays and other non-text values are shown as the JSON they are written in. Text that is not a JSON object is kept
/// raw, with a note saying why.
/// </summary>
public sealed record ItemDetails(IReadOnlyList<KeyValuePair<string, string>> Rows, string? Raw, string? Problem)
{
    public const string KeySeparator = " › ";

    public static ItemDetails Empty { get; } = new([], null, null);

    public static ItemDetails Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Empty;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new ItemDetails([], json, $"The details are a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object; shown as stored.");
            var rows = new List<KeyValuePair<string, string>>();
            Flatten(document.RootElement, "", rows);
            return new ItemDetails(rows, null, null);
        }
        catch (JsonException e)
        {
            return new ItemDetails([], json, $"The details are not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); shown as stored.");
        }
    }

    private static void Flatten(JsonElement obj, string prefix, List<KeyValuePair<string, string>> rows)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var key = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when value.EnumerateObject().Any():
                    Flatten(value, key + KeySeparator, rows);
                    break;
                case JsonValueKind.String:
                    rows.Add(new(key, value.GetString()!));
                    break;
                case JsonValueKind.Null:
                    rows.Add(new(key, ""));
                    break;
                default:
                    rows.Add(new(key, value.GetRawText()));
                    break;
            }
        }
    }
}
