using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Pricer.Core.Models.Llama;

/// <summary>
/// A Hugging Face tokenizer.json with a byte-level BPE model (Llama 3's kind) run by Microsoft.ML.Tokenizers'
/// <see cref="BpeTokenizer"/>. That package reads vocab.json/merges.txt pairs but not tokenizer.json itself,
/// so the vocabulary, merges, added tokens and split pattern are taken from the JSON here and handed to it.
/// </summary>
public sealed class Llama3Tokenizer
{
    /// <summary>Llama 3's split pattern, used when tokenizer.json names none.</summary>
    public const string Llama3SplitPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string BeginOfText = "<|begin_of_text|>";

    private readonly BpeTokenizer tokenizer;
    private readonly HashSet<int> specialIds;

    private Llama3Tokenizer(BpeTokenizer tokenizer, IReadOnlyDictionary<string, int> specialTokens, int? bosId, int vocabularySize)
    {
        this.tokenizer = tokenizer;
        specialIds = [.. specialTokens.Values];
        BosId = bosId;
        VocabularySize = vocabularySize;
    }

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
        var pattern = SplitPattern(json["pre_tokenizer"]) ?? Llama3SplitPattern;
        var options = new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            SpecialTokens = specialTokens,
            PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled, TimeSpan.FromSeconds(5)), specialTokens),
        };
        var bpe = BpeTokenizer.Create(options);
        int? bosId = specialTokens.TryGetValue(BeginOfText, out var bos) ? bos : null;
        var size = Math.Max(vocabulary.Max(v => v.Value), specialTokens.Count == 0 ? 0 : specialTokens.Values.Max()) + 1;
        return new Llama3Tokenizer(bpe, specialTokens, bosId, size);
    }

    /// <summary>Token ids of <paramref name="text"/>, led by &lt;|begin_of_text|&gt; where asked and known.</summary>
    public int[] Encode(string text, bool addBos = true)
    {
        var ids = tokenizer.EncodeToIds(text);
        return addBos && BosId is { } bos ? [bos, .. ids] : [.. ids];
    }

    /// <summary>The text of <paramref name="ids"/>, special tokens left out.</summary>
    public string Decode(IEnumerable<int> ids) => tokenizer.Decode(ids.Where(id => !specialIds.Contains(id))) ?? "";

    // Llama 3's pre_tokenizer is a Sequence of a Split (the pattern) and a ByteLevel without its own regex.
    private static string? SplitPattern(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>() == "Split" => obj["pattern"]?["Regex"]?.GetValue<string>(),
        JsonObject obj when obj["pretokenizers"] is JsonArray list => list.Select(SplitPattern).FirstOrDefault(p => p != null),
        _ => null,
    };
}
