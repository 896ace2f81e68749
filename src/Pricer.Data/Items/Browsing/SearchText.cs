using System.Globalization;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// Turns what a user typed into an FTS5 query. Every whitespace-separated word becomes a quoted phrase, so no
/// input can use (or break) FTS5's syntax: quotes, parentheses, AND/OR/NOT/NEAR, column filters and * are
/// all plain text. Words must all match; the last one also matches as a prefix, so results follow the typing.
/// </summary>
public static class SearchText
{
    public const int MaxWords = 16;
    public const int MaxLength = 512;

    /// <summary>Prefixes shorter than this would expand to too many index terms to stay fast.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>The FTS5 query for <paramref name="text"/>, or null when it has no letters or digits to search for.</summary>
    public static string? ToFtsQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text.Length > MaxLength) text = text[..(char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(HasSearchableCharacter)
            .Take(MaxWords)
            .ToList();
        if (words.Count == 0) return null;

        var phrases = words.Select(Quote).ToList();
        var last = words[^1];
        if (!char.IsWhiteSpace(text[^1]) && last.Count(char.IsLetterOrDigit) >= MinPrefixLength) phrases[^1] += "*";
        return string.Join(' ', phrases);
    }

    private static string Quote(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";

    // FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters; a word with none of them
    // would be an empty phrase.
    private static bool HasSearchableCharacter(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(word, i);
            if (char.IsLetterOrDigit(word, i) || category is UnicodeCategory.PrivateUse or UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber)
                return true;
        }
        return false;
    }
}
