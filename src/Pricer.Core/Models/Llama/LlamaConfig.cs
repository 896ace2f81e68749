using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pricer.Core.Models.Llama;

/// <summary>The fields of a Hugging Face Llama config.json that shape the network.</summary>
public sealed record LlamaConfig
{
    public int HiddenSize { get; init; }

    public int IntermediateSize { get; init; }

    public int NumHiddenLayers { get; init; }

    public int NumAttentionHeads { get; init; }

    public int NumKeyValueHeads { get; init; }

    public int VocabSize { get; init; }

    public double RmsNormEps { get; init; } = 1e-5;

    public double RopeTheta { get; init; } = 10000;

    public RopeScaling? RopeScaling { get; init; }

    public bool TieWordEmbeddings { get; init; }

    public int MaxPositionEmbeddings { get; init; } = 2048;

    /// <summary>As config.json spells it: bfloat16, float16 or float32.</summary>
    public string TorchDtype { get; init; } = "float32";

    public int? HeadDimOverride { get; init; }

    public int? BosTokenId { get; init; }

    public int? EosTokenId { get; init; }

    public int HeadDim => HeadDimOverride ?? HiddenSize / NumAttentionHeads;

    /// <summary>Every weight of the network, a tied head counted once (Llama 3.2 3B: 3,212,749,824).</summary>
    public long ParameterCount
    {
        get
        {
            long hidden = HiddenSize, attention = (long)NumAttentionHeads * HeadDim, keyValue = (long)NumKeyValueHeads * HeadDim;
            var layer = 2 * hidden * attention + 2 * hidden * keyValue + 3 * hidden * IntermediateSize + 2 * hidden;
            var embeddings = (long)VocabSize * hidden;
            return embeddings * (TieWordEmbeddings ? 1 : 2) + NumHiddenLayers * layer + hidden;
        }
    }

    public static LlamaConfig Read(string path)
    {
        if (!File.Exists(path)) throw new LlamaFormatException($"No config.json at {path}.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new LlamaFormatException("config.json is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new LlamaFormatException($"config.json is not valid JSON: {e.Message}");
        }
        return FromJson(json);
    }

    public static LlamaConfig FromJson(JsonObject json)
    {
        try
        {
            if (json["model_type"]?.GetValue<string>() is { } type && type != "llama")
                throw new LlamaFormatException($"config.json has model_type '{type}'; only llama models load here.");
            var heads = Required(json, "num_attention_heads");
            var config = new LlamaConfig
            {
                HiddenSize = Required(json, "hidden_size"),
                IntermediateSize = Required(json, "intermediate_size"),
                NumHiddenLayers = Required(json, "num_hidden_layers"),
                NumAttentionHeads = heads,
                NumKeyValueHeads = json["num_key_value_heads"]?.GetValue<int>() ?? heads,
                VocabSize = Required(json, "vocab_size"),
                RmsNormEps = json["rms_norm_eps"]?.GetValue<double>() ?? 1e-5,
                RopeTheta = json["rope_theta"]?.GetValue<double>() ?? 10000,
                RopeScaling = json["rope_scaling"] is JsonObject scaling ? RopeScaling.FromJson(scaling) : null,
                TieWordEmbeddings = json["tie_word_embeddings"]?.GetValue<bool>() ?? false,
                MaxPositionEmbeddings = json["max_position_embeddings"]?.GetValue<int>() ?? 2048,
                TorchDtype = json["torch_dtype"]?.GetValue<string>() ?? "float32",
                HeadDimOverride = json["head_dim"]?.GetValue<int>(),
                BosTokenId = TokenId(json["bos_token_id"]),
                EosTokenId = TokenId(json["eos_token_id"]),
            };
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new LlamaFormatException($"config.json has a malformed field: {e.Message}");
        }
    }

    public JsonObject ToJson() => new()
    {
        ["architectures"] = new JsonArray("LlamaForCausalLM"),
        ["model_type"] = "llama",
        ["hidden_size"] = HiddenSize,
        ["intermediate_size"] = IntermediateSize,
        ["num_hidden_layers"] = NumHiddenLayers,
        ["num_attention_heads"] = NumAttentionHeads,
        ["num_key_value_heads"] = NumKeyValueHeads,
        ["vocab_size"] = VocabSize,
        ["rms_norm_eps"] = RmsNormEps,
        ["rope_theta"] = RopeTheta,
        ["rope_scaling"] = RopeScaling?.ToJson(),
        ["tie_word_embeddings"] = TieWordEmbeddings,
        ["max_position_embeddings"] = MaxPositionEmbeddings,
        ["torch_dtype"] = TorchDtype,
        ["head_dim"] = HeadDim,
        ["bos_token_id"] = BosTokenId,
        ["eos_token_id"] = EosTokenId,
        ["hidden_act"] = "silu",
    };

    private void Validate()
    {
        if (HiddenSize < 1 || IntermediateSize < 1 || NumHiddenLayers < 1 || VocabSize < 1 || NumAttentionHeads < 1 || NumKeyValueHeads < 1)
            throw new LlamaFormatException("config.json: sizes, layer, head and vocabulary counts must be positive.");
        if (NumAttentionHeads % NumKeyValueHeads != 0)
            throw new LlamaFormatException($"config.json: {NumAttentionHeads} attention heads cannot be shared among {NumKeyValueHeads} key/value heads.");
        if (HeadDimOverride is null && HiddenSize % NumAttentionHeads != 0)
            throw new LlamaFormatException($"config.json: hidden_size {HiddenSize} is not a multiple of {NumAttentionHeads} heads.");
        if (HeadDim % 2 != 0) throw new LlamaFormatException($"config.json: rotary embeddings need an even head size (got {HeadDim}).");
        if (TorchDtype is not ("bfloat16" or "float16" or "float32"))
            throw new LlamaFormatException($"config.json: torch_dtype '{TorchDtype}' is not one of bfloat16, float16, float32.");
    }

    private static int Required(JsonObject json, string key) =>
        json[key]?.GetValue<int>() ?? throw new LlamaFormatException($"config.json has no {key}.");

    // Llama 3.x lists several end tokens (end_of_text, eot_id, eom_id); generation stops at the first listed.
    private static int? TokenId(JsonNode? node) => node switch
    {
        JsonArray list => list.Count > 0 ? list[0]!.GetValue<int>() : null,
        JsonValue value => value.GetValue<int>(),
        _ => null,
    };
}
