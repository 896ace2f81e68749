using System.Text.RegularExpressions;

namespace Pricer.Data.Runs;

/// <summary>
/// Matches a sheet's first column to an item's text: the course's prompts are stripped and white space is
/// collapsed, because the course's sheets carry the text inside a prompt and sometimes with a trailing space.
/// </summary>
internal static partial class ItemTextKey
{
    private static readonly string[] PromptPrefixes =
    [
        "How much does this cost to the nearest dollar?",
        "What does this cost to the nearest dollar?",
        "Estimate the price of this product. Respond with the price, no explanation",
    ];

    private const string PromptSuffix = "Price is $";

    public static string Of(string text)
    {
        var key = text.Trim();
        foreach (var prefix in PromptPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                key = key[prefix.Length..];
                break;
            }
        }
        if (key.EndsWith(PromptSuffix, StringComparison.Ordinal)) key = key[..^PromptSuffix.Length];
        return WhiteSpace().Replace(key, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
