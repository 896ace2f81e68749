using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Pricer.Core.Models.Llama;

/// <summary>
/// A Hugging Face tokenizer.json with a byte-level BPE model (Llama 3's kind) run by Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>. That package reads vocab.json/merges.txt pairs but not tokenizer.json itself,
/// so the vocabulary, merges, added tokens and split pattern are taken from the JSON here and handed to it.
/// Llama 3's model sets ignore_merges (a pre-token found whole in the vocabulary is one token, as tiktoken
/// encodes), which BpeTokenizer does not do, so that lookup is made here before handing a pre-token to it.
/// </summary>
public sealed class Llama3Tokenizer
{
    /// <summary>Llama 3's split pattern, used when tokenizer.json names none.</summary>
    public const string Llama3SplitPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string BeginOfText = "<|begin_of_text|>";

    private readonly BpeTokenizer tokenizer;
    private readonly IReadOnlyDictionary<string, int> specialTokens;
    private readonly HashSet<int> specialIds;
    private readonly Regex split;
    private readonly Regex? specialPattern;
    private readonly Dictionary<string, int>? wholeWords;

    private Llama3Tokenizer(
        BpeTokenizer tokenizer, IReadOnlyDictionary<string, int> specialTokens, Regex split, Dictionary<string, int>? wholeWords, int? bosId, int vocabularySize)
    {
        this.tokenizer = tokenizer;
        this.specialTokens = specialTokens;
        specialIds = [.. specialTokens.Values];
        this.split = split;
        specialPattern = specialTokens.Count == 0
            ? null
            : new Regex(string.Join("|", specialTokens.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.None, TimeSpan.FromSeconds(5));
        this.wholeWords = wholeWords;
        BosId = bosId;
        VocabularySize = vocabularySize;
    }

    /// <summary>GPT-2's byte-level alphabet: the character each byte is written as in a byte-level vocabulary.</summary>
    public static IReadOnlyList<char> ByteCharacters { get; } = MakeByteCharacters();

    /// <summary>Prepended to every encoded text, as Llama 3's post-processor does; null when the tokenizer has none.</summary>
    public int? BosId { get; }

    public int VocabularySize { get; }

    public static Llama3Tokenizer Load(string path)
    {
        if (!File.Exists(path)) throw new LlamaFormatException($"No tokenizer.json at {path}.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new LlamaFormatException("tokenizer.json is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new LlamaFormatException($"tokenizer.json is not valid JSON: {e.Message}");
        }
        try
        {
            return FromJson(json);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new LlamaFormatException($"tokenizer.json cannot be read as a byte-level BPE tokenizer: {e.Message}");
        }
    }

    public static Llama3Tokenizer FromJson(JsonObject json)
    {
        var model = json["model"] as JsonObject ?? throw new LlamaFormatException("tokenizer.json has no model.");
        if (model["type"]?.GetValue<string>() is { } type && type != "BPE")
            throw new LlamaFormatException($"tokenizer.json has a {type} model; only BPE (as Llama 3) is read here.");
        if (!json.ToJsonString().Contains("\"ByteLevel\"", StringComparison.Ordinal))
            throw new LlamaFormatException("tokenizer.json is not byte-level (no ByteLevel pre-tokenizer or decoder); Llama 3 tokenizers are.");
        var vocabulary = (model["vocab"] as JsonObject ?? throw new LlamaFormatException("tokenizer.json has no model.vocab."))
            .Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<int>())).ToList();
        var merges = (model["merges"] as JsonArray ?? [])
            .Select(m => m is JsonArray pair ? $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}" : m!.GetValue<string>())
            .ToList();
        var specialTokens = (json["added_tokens"] as JsonArray ?? [])
            .Select(t => KeyValuePair.Create(t!["content"]!.GetValue<string>(), t["id"]!.GetValue<int>()))
            .ToDictionary(StringComparer.Ordinal);
        var split = new Regex(SplitPattern(json["pre_tokenizer"]) ?? Llama3SplitPattern, RegexOptions.Compiled, TimeSpan.FromSeconds(5));
        var options = new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            SpecialTokens = specialTokens,
            PreTokenizer = new RegexPreTokenizer(split, specialTokens),
        };
        var bpe = BpeTokenizer.Create(options);
        var wholeWords = model["ignore_merges"]?.GetValue<bool>() == true ? vocabulary.ToDictionary(StringComparer.Ordinal) : null;
        int? bosId = specialTokens.TryGetValue(BeginOfText, out var bos) ? bos : null;
        var size = Math.Max(vocabulary.Max(v => v.Value), specialTokens.Count == 0 ? 0 : specialTokens.Values.Max()) + 1;
        return new Llama3Tokenizer(bpe, specialTokens, split, wholeWords, bosId, size);
    }

    /// <summary>Token ids of <paramref name="text"/>, led by &lt;|begin_of_text|&gt; where asked and known.</summary>
    public int[] Encode(string text, bool addBos = true)
    {
        var ids = new List<int>();
        if (addBos && BosId is { } bos) ids.Add(bos);
        if (wholeWords is null)
        {
            ids.AddRange(tokenizer.EncodeToIds(text));
            return [.. ids];
        }
        var start = 0;
        if (specialPattern != null)
        {
            foreach (Match special in specialPattern.Matches(text))
            {
                EncodeIgnoringMerges(text[start..special.Index], ids);
                ids.Add(specialTokens[special.Value]);
                start = special.Index + special.Length;
            }
        }
        EncodeIgnoringMerges(text[start..], ids);
        return [.. ids];
    }

    /// <summary>The text of <paramref name="ids"/>, special tokens left out.</summary>
    public string Decode(IEnumerable<int> ids) => tokenizer.Decode(ids.Where(id => !specialIds.Contains(id))) ?? "";

    private void EncodeIgnoringMerges(string text, List<int> ids)
    {
        foreach (Match piece in split.Matches(text))
        {
            if (wholeWords!.TryGetValue(ToByteLevel(piece.Value), out var id)) ids.Add(id);
            else ids.AddRange(tokenizer.EncodeToIds(piece.Value, considerPreTokenization: false, considerNormalization: false));
        }
    }

    private static string ToByteLevel(string text) =>
        string.Concat(System.Text.Encoding.UTF8.GetBytes(text).Select(b => ByteCharacters[b]));

    private static char[] MakeByteCharacters()
    {
        bool Printable(int b) => b is >= '!' and <= '~' or >= '¡' and <= '¬' or >= '®' and <= 'ÿ';
        var chars = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++) chars[b] = (char)(Printable(b) ? b : next++);
        return chars;
    }

    // Llama 3's pre_tokenizer is a Sequence of a Split (the pattern) and a ByteLevel without its own regex.
    private static string? SplitPattern(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() == "Split" => obj["pattern"]?["Regex"]?.GetValue<string>(),
        JsonObject obj when obj["pretokenizers"] is JsonArray list => list.Select(SplitPattern).FirstOrDefault(p => p != null),
        _ => null,
    };
}
