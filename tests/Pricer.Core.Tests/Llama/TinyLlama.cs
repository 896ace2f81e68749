using System.Text.Json.Nodes;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Safetensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Llama;

/// <summary>
/// Writes a tiny random Llama in Hugging Face's layout: config.json, weights split over two safetensors shards
/// (one F32, one BF16) with model.safetensors.index.json, and a byte-level BPE tokenizer.json with a few merges.
/// Every weight is rounded to bf16 first, so both shards hold exactly the values the test keeps.
/// </summary>
internal static class TinyLlama
{
    public const int BosId = 270;
    public const int EosId = 271;

    public static readonly string[] Merges = ["Ġ t", "h e", "Ġt he", "P r", "Pr i", "Pri c", "Pric e", "Ġ $", "0 0", ". 00", "i s", "Ġ is"];

    public static LlamaConfig Config(int keyValueHeads = 2, bool tied = false) => new()
    {
        HiddenSize = 32,
        IntermediateSize = 64,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        NumKeyValueHeads = keyValueHeads,
        VocabSize = 272,
        RmsNormEps = 1e-5,
        RopeTheta = 500000,
        RopeScaling = new RopeScaling(32, 1, 4, 64),
        TieWordEmbeddings = tied,
        MaxPositionEmbeddings = 4096,
        TorchDtype = "bfloat16",
        BosTokenId = BosId,
        EosTokenId = EosId,
    };

    /// <summary>Writes the folder and returns the state dict it holds, key by key.</summary>
    public static Dictionary<string, Tensor> Write(string folder, LlamaConfig config, int seed = 7)
    {
        manual_seed(seed);
        using var model = new LlamaForCausalLM(config);
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (state.ContainsKey(name) || (config.TieWordEmbeddings && name == "lm_head.weight")) continue;
                var values = name.EndsWith("norm.weight", StringComparison.Ordinal)
                    ? ones_like(parameter).add(randn_like(parameter).mul(0.1))
                    : randn_like(parameter).mul(name.Contains("embed") ? 1.0 : 0.2);
                state[name] = values.to(ScalarType.BFloat16).to(ScalarType.Float32);
            }
        }
        var keys = state.Keys.Order(StringComparer.Ordinal).ToList();
        var firstShard = keys.Take(keys.Count / 2).ToHashSet();
        const string shard1 = "model-00001-of-00002.safetensors", shard2 = "model-00002-of-00002.safetensors";
        SafetensorsFile.Write(Path.Combine(folder, shard1), firstShard.ToDictionary(k => k, k => SafeTensor.From(state[k])), Pt);
        SafetensorsFile.Write(Path.Combine(folder, shard2), keys.Except(firstShard).ToDictionary(k => k, k => SafeTensor.From(state[k], SafetensorsDType.BF16)), Pt);
        var index = new JsonObject
        {
            ["metadata"] = new JsonObject { ["total_size"] = state.Values.Sum(t => t.numel() * 4) },
            ["weight_map"] = new JsonObject(keys.Select(k => KeyValuePair.Create(k, (JsonNode?)(firstShard.Contains(k) ? shard1 : shard2)))),
        };
        File.WriteAllText(Path.Combine(folder, LlamaFolder.IndexFileName), index.ToJsonString());
        File.WriteAllText(Path.Combine(folder, LlamaFolder.ConfigFileName), config.ToJson().ToJsonString());
        File.WriteAllText(Path.Combine(folder, LlamaFolder.TokenizerFileName), TokenizerJson().ToJsonString());
        return state;
    }

    /// <summary>GPT-2's byte-to-character table (ids 0-255 by byte), the merges above, and Llama 3's two text markers.</summary>
    public static JsonObject TokenizerJson()
    {
        var byteChars = Llama3Tokenizer.ByteCharacters;
        var vocab = new JsonObject();
        for (var b = 0; b < 256; b++) vocab[byteChars[b].ToString()] = b;
        var id = 256;
        foreach (var merge in Merges) vocab[merge.Replace(" ", "")] = id++;
        return new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(
                new JsonObject { ["id"] = BosId, ["content"] = Llama3Tokenizer.BeginOfText, ["special"] = true },
                new JsonObject { ["id"] = EosId, ["content"] = "<|end_of_text|>", ["special"] = true }),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = Llama3Tokenizer.Llama3SplitPattern }, ["behavior"] = "Isolated", ["invert"] = false },
                    new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = false }),
            },
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = null,
                ["ignore_merges"] = true,
                ["vocab"] = vocab,
                ["merges"] = new JsonArray([.. Merges.Select(m => (JsonNode?)JsonValue.Create(m))]),
            },
        };
    }

    private static readonly Dictionary<string, string> Pt = new() { ["format"] = "pt" };
}
