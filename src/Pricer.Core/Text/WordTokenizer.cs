using System.Globalization;
using System.Text;

namespace Pricer.Core.Text;

/// <summary>
/// scikit-learn's default analyzer: lowercase, then every maximal run of two or more word characters
/// (token_pattern (?u)\b\w\w+\b). Python's \w is letters, numbers and '_' — narrower than .NET's \w,
/// which also takes combining marks and connector punctuation — so the classes are spelled out here.
/// </summary>
public static class WordTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with each lower-cased token, in order.</summary>
    public static void Tokenize<TState>(string text, ref TState state, TokenAction<TState> onToken)
    {
        var lower = text.ToLowerInvariant();
        var start = -1;
        var runes = 0;
        var i = 0;
        while (i < lower.Length)
        {
            Rune.DecodeFromUtf16(lower.AsSpan(i), out var rune, out var width);
            if (IsWordRune(rune))
            {
                if (start < 0)
                {
                    start = i;
                    runes = 0;
                }
                runes++;
            }
            else if (start >= 0)
            {
                if (runes >= 2) onToken(lower.AsSpan(start, i - start), ref state);
                start = -1;
            }
            i += width;
        }
        if (start >= 0 && runes >= 2) onToken(lower.AsSpan(start), ref state);
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value < 128) return char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '_';
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}

public delegate void TokenAction<TState>(ReadOnlySpan<char> token, ref TState state);
