using System.Text.Json;
using System.Text.Json.Nodes;
using Pricer.Core.Models.Safetensors;
using static TorchSharp.torch;

namespace Pricer.Core.Lora;

/// <summary>
/// Saves and loads adapters as Hugging Face PEFT does: adapter_config.json beside adapter_model.safetensors,
/// whose keys are base_model.model.&lt;module path&gt;.lora_A.weight and .lora_B.weight.
/// </summary>
public static class PeftAdapterFormat
{
    public const string ConfigFileName = "adapter_config.json";
    public const string WeightsFileName = "adapter_model.safetensors";
    private const string KeyPrefix = "base_model.model.";
    private const string ASuffix = ".lora_A.weight";
    private const string BSuffix = ".lora_B.weight";

    public static void Save(LoraAdapter adapter, string folder)
    {
        Directory.CreateDirectory(folder);
        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (path, layer) in adapter.Layers)
        {
            tensors[KeyPrefix + path + ASuffix] = SafeTensor.From(layer.A);
            tensors[KeyPrefix + path + BSuffix] = SafeTensor.From(layer.B);
        }
        SafetensorsFile.Write(Path.Combine(folder, WeightsFileName), tensors, new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(folder, ConfigFileName), ConfigJson(adapter.Config).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Loads a PEFT adapter folder over <paramref name="model"/> under <paramref name="name"/>; nothing is added when it fails.</summary>
    public static LoraAdapter Load(LoraModel model, string folder, string name)
    {
        var config = ReadConfig(Path.Combine(folder, ConfigFileName));
        var weightsPath = Path.Combine(folder, WeightsFileName);
        if (!File.Exists(weightsPath)) throw new LoraFormatException($"{folder} has no {WeightsFileName}.");
        var tensors = ReadWeights(weightsPath);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in tensors.Keys)
        {
            if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || !(key.EndsWith(ASuffix, StringComparison.Ordinal) || key.EndsWith(BSuffix, StringComparison.Ordinal)))
                throw new LoraFormatException($"{WeightsFileName} has key '{key}', which is not a PEFT LoRA key (base_model.model.<module>.lora_A.weight or .lora_B.weight).");
            paths.Add(key[KeyPrefix.Length..^ASuffix.Length]);
        }
        if (paths.Count == 0) throw new LoraFormatException($"{WeightsFileName} holds no LoRA weights.");
        foreach (var path in paths)
        {
            if (!model.LinearPaths.Contains(path))
                throw new LoraFormatException($"The adapter targets '{path}', which is not a linear layer of this base model: is it for another base?");
            if (!tensors.ContainsKey(KeyPrefix + path + ASuffix) || !tensors.ContainsKey(KeyPrefix + path + BSuffix))
                throw new LoraFormatException($"{WeightsFileName} has only one of lora_A and lora_B for '{path}'.");
        }

        var adapter = model.AddAdapter(name, config, paths);
        try
        {
            using var _ = no_grad();
            foreach (var (path, layer) in adapter.Layers)
            {
                CopyInto(layer.A, tensors[KeyPrefix + path + ASuffix], path + ASuffix);
                CopyInto(layer.B, tensors[KeyPrefix + path + BSuffix], path + BSuffix);
            }
        }
        catch
        {
            model.RemoveAdapter(name);
            throw;
        }
        return adapter;
    }

    public static LoraConfig ReadConfig(string configPath)
    {
        if (!File.Exists(configPath)) throw new LoraFormatException($"No {ConfigFileName} at {configPath}.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(configPath)) as JsonObject ?? throw new LoraFormatException($"{ConfigFileName} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new LoraFormatException($"{ConfigFileName} is not valid JSON: {e.Message}");
        }
        try
        {
            var peftType = json["peft_type"]?.GetValue<string>();
            if (peftType != "LORA") throw new LoraFormatException($"{ConfigFileName} has peft_type '{peftType}'; only LORA adapters load here.");
            var targets = json["target_modules"];
            var config = new LoraConfig
            {
                Rank = json["r"]?.GetValue<int>() ?? throw new LoraFormatException($"{ConfigFileName} has no r."),
                Alpha = json["lora_alpha"]?.GetValue<double>() ?? throw new LoraFormatException($"{ConfigFileName} has no lora_alpha."),
                Dropout = json["lora_dropout"]?.GetValue<double>() ?? 0,
                Bias = json["bias"]?.GetValue<string>() ?? "none",
                TaskType = json["task_type"]?.GetValue<string>(),
                BaseModelNameOrPath = json["base_model_name_or_path"]?.GetValue<string>(),
                TargetModules = targets is JsonArray list ? [.. list.Select(t => t!.GetValue<string>())] : [],
                TargetPattern = targets is JsonValue pattern ? pattern.GetValue<string>() : null,
                LayersToTransform = json["layers_to_transform"] switch
                {
                    JsonArray layers => [.. layers.Select(l => l!.GetValue<int>())],
                    JsonValue layer => [layer.GetValue<int>()],
                    _ => null,
                },
            };
            if (json["use_rslora"]?.GetValue<bool>() == true || json["use_dora"]?.GetValue<bool>() == true)
                throw new LoraFormatException($"{ConfigFileName} asks for rsLoRA or DoRA, which this engine does not implement.");
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new LoraFormatException($"{ConfigFileName} has a malformed field: {e.Message}");
        }
    }

    private static JsonObject ConfigJson(LoraConfig config) => new()
    {
        ["alpha_pattern"] = new JsonObject(),
        ["auto_mapping"] = null,
        ["base_model_name_or_path"] = config.BaseModelNameOrPath,
        ["bias"] = config.Bias,
        ["fan_in_fan_out"] = false,
        ["inference_mode"] = true,
        ["init_lora_weights"] = true,
        ["layers_pattern"] = null,
        ["layers_to_transform"] = config.LayersToTransform is { } layers ? new JsonArray([.. layers.Select(l => (JsonNode?)JsonValue.Create(l))]) : null,
        ["lora_alpha"] = config.Alpha,
        ["lora_dropout"] = config.Dropout,
        ["modules_to_save"] = null,
        ["peft_type"] = "LORA",
        ["r"] = config.Rank,
        ["rank_pattern"] = new JsonObject(),
        ["revision"] = null,
        ["target_modules"] = config.TargetPattern is { } pattern
            ? JsonValue.Create(pattern)
            : new JsonArray([.. config.TargetModules.Select(t => (JsonNode?)JsonValue.Create(t))]),
        ["task_type"] = config.TaskType,
        ["use_dora"] = false,
        ["use_rslora"] = false,
    };

    private static Dictionary<string, SafeTensor> ReadWeights(string path)
    {
        try
        {
            return SafetensorsFile.Read(path);
        }
        catch (SafetensorsException e)
        {
            throw new LoraFormatException(e.Message);
        }
    }

    private static void CopyInto(Tensor target, SafeTensor source, string key)
    {
        if (!source.Shape.SequenceEqual(target.shape))
            throw new LoraFormatException($"'{key}' has shape [{string.Join(", ", source.Shape)}] but this base model needs [{string.Join(", ", target.shape)}].");
        using var values = source.ToTensor();
        target.copy_(values);
    }
}
