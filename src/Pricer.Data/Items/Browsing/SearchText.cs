using System.Globalization;
using System.Text;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// Turns what a user typed into an FTS5 query. Every whitespace-separated word becomes a quoted phrase, so no
/// input can use (or break) FTS5's syntax: quotes, parentheses, AND/OR/NOT/NEAR, column filters and * are
/// all plain text. Words must all match; a last word still being typed can match as a prefix, so results follow
/// the typing.
/// </summary>
public static class SearchText
{
    public const int MaxWords = 16;
    public const int MaxLength = 512;

    /// <summary>Prefixes shorter than this would expand to too many index terms to stay fast.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>The FTS5 query for <paramref name="text"/>, or null when it has no letters or digits to search for.</summary>
    /// <param name="prefixLastWord">Let the last word match as a prefix, where <see cref="PrefixCandidate"/> allows it.</param>
    public static string? ToFtsQuery(string? text, bool prefixLastWord = true)
    {
        var words = Words(text);
        if (words.Count == 0) return null;
        var phrases = words.Select(Quote).ToList();
        if (prefixLastWord && PrefixCandidate(text) != null) phrases[^1] += "*";
        return string.Join(' ', phrases);
    }

    /// <summary>
    /// The last word's last token as the index stores it (lower case, without accents) when that word may be a prefix:
    /// the text does not end in a space and the word has at least <see cref="MinPrefixLength"/> letters or digits.
    /// </summary>
    public static string? PrefixCandidate(string? text)
    {
        var words = Words(text);
        if (words.Count == 0 || char.IsWhiteSpace(text![^1])) return null;
        var word = words[^1];
        if (word.Count(char.IsLetterOrDigit) < MinPrefixLength) return null;
        var end = word.Length;
        while (!char.IsLetterOrDigit(word[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(word[start - 1])) start--;
        var decomposed = word[start..end].ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(NormalizationForm.FormC);
    }

    private static List<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Length > MaxLength) text = text[..(char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        // FTS5 reads its query up to the first NUL; control characters are never part of a word anyway.
        text = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
        return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(HasSearchableCharacter)
            .Take(MaxWords)
            .ToList();
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
