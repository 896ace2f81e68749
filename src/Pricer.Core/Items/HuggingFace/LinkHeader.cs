using System.Text.RegularExpressions;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>Reads the Hub's pagination, which uses GitHub's Link header: &lt;url&gt;; rel="next".</summary>
internal static partial class LinkHeader
{
    public static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        foreach (var link in values.SelectMany(v => LinkSeparator().Split(v)))
        {
            var match = LinkPattern().Match(link);
            if (match.Success && match.Groups["rel"].Value.Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase)
                && Uri.TryCreate(current, match.Groups["url"].Value, out var next))
                return next;
        }
        return null;
    }

    [GeneratedRegex(@",\s*(?=<)")]
    private static partial Regex LinkSeparator();

    [GeneratedRegex(@"^\s*<(?<url>[^>]*)>.*?;\s*rel\s*=\s*""?(?<rel>[^"";,]*)""?", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
