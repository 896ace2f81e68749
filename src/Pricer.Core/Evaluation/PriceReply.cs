using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pricer.Core.Evaluation;

/// <summary>Reads a price out of a model's free-text reply by the course's rule.</summary>
public static partial class PriceReply
{
    /// <summary>
    /// Removes "$" and ",", then takes the first match of <c>[-+]?\d*\.\d+|\d+</c>; no match gives 0.
    /// As in the course, only a number with a decimal point keeps its sign: "-5" reads 5, "-5.5" reads -5.5.
    /// A number too large for a double also gives 0: the course's Python would return inf, which would make
    /// every mean of the run infinite, so such a reply counts as one that named no price.
    /// </summary>
    public static double Parse(string? reply)
    {
        if (string.IsNullOrEmpty(reply)) return 0;
        var match = FirstNumber().Match(WithoutDollarSignsAndCommas(reply));
        if (!match.Success) return 0;
        var value = double.Parse(match.ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : 0;
    }

    // string.Replace slows to seconds on megabytes of "$,$,"; one pass over the spans between them does not.
    private static string WithoutDollarSignsAndCommas(string reply)
    {
        var rest = reply.AsSpan();
        var next = rest.IndexOfAny('$', ',');
        if (next < 0) return reply;
        var kept = new StringBuilder(reply.Length);
        for (; next >= 0; next = rest.IndexOfAny('$', ','))
        {
            kept.Append(rest[..next]);
            rest = rest[(next + 1)..];
        }
        return kept.Append(rest).ToString();
    }

    // [0-9], not \d: .NET's \d matches every Unicode decimal digit ("٣", "３"), which double.Parse cannot read,
    // so a reply like "٣٠" would match and then throw. ASCII digits keep the match and the parse in agreement.
    // Python's re and float() do read "٣٠" as 30: here it reads as no price.
    [GeneratedRegex(@"[-+]?[0-9]*\.[0-9]+|[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNumber();
}
