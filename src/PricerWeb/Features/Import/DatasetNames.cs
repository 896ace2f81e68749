using System.Text.RegularExpressions;

namespace PricerWeb.Features.Import;

/// <summary>What a data set may be called: short, readable, safe in a URL and a file name.</summary>
public static partial class DatasetNames
{
    public const int MaxLength = 100;

    /// <summary>Null when the name is fine, else what is wrong with it.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Give the data set a name.";
        if (name.Length > MaxLength) return $"At most {MaxLength} characters (this one has {name.Length}).";
        if (name.StartsWith(' ') || name.EndsWith(' ')) return "The name must not start or end with a space.";
        if (!Allowed().IsMatch(name)) return "Use letters, digits, spaces and - _ . only.";
        return null;
    }

    /// <summary>A name taken from a source: "hf:ed-donner/items_lite" gives "items_lite", "/data/train.jsonl.gz" gives "train".</summary>
    public static string Suggest(string source)
    {
        var last = source.TrimEnd('/', '\\').Split('/', '\\', ':').LastOrDefault() ?? "";
        var stem = last.Split('.')[0];
        var cleaned = NotAllowed().Replace(stem, "-").Trim(' ', '-');
        return cleaned.Length == 0 ? "dataset" : cleaned[..Math.Min(cleaned.Length, MaxLength)];
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd} ._-]+\z")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"[^\p{L}\p{Nd} ._-]+")]
    private static partial Regex NotAllowed();
}
