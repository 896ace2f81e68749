using System.Text.Json;
using System.Text.Json.Nodes;
using Pricer.Core.Models.Quantization;
using Pricer.Core.Models.Safetensors;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>
/// Loads a Hugging Face Llama folder: config.json, tokenizer.json, and model.safetensors or shards listed in
/// model.safetensors.index.json, in F32, F16 or BF16. Tensors are read one at a time, so NF4 layers are
/// quantised as they arrive and the full-precision decoder never sits in memory whole.
/// </summary>
public static class LlamaFolder
{
    public const string ConfigFileName = "config.json";
    public const string TokenizerFileName = "tokenizer.json";
    public const string WeightsFileName = "model.safetensors";
    public const string IndexFileName = "model.safetensors.index.json";

    /// <summary>True when <paramref name="folder"/> looks like a Llama checkpoint (a config.json saying model_type llama).</summary>
    public static bool IsLlamaFolder(string folder)
    {
        var path = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(path)) return false;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["model_type"]?.GetValue<string>() == "llama";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    public static LoadedLlama Load(string folder, LlamaLoadOptions? options = null)
    {
        options ??= new LlamaLoadOptions();
        if (!Directory.Exists(folder)) throw new LlamaFormatException($"No model folder at {folder}.");
        var config = LlamaConfig.Read(Path.Combine(folder, ConfigFileName));
        var tokenizer = Llama3Tokenizer.Load(Path.Combine(folder, TokenizerFileName));
        if (tokenizer.VocabularySize > config.VocabSize)
            throw new LlamaFormatException($"tokenizer.json has ids up to {tokenizer.VocabularySize - 1} but config.json's vocab_size is {config.VocabSize}.");
        var device = options.Device ?? LlamaCompute.DefaultDevice();
        var dtype = options.Dtype ?? LlamaCompute.Dtype(device, config);

        var shards = OpenShards(folder);
        try
        {
            LinearFactory? linear = options.Nf4
                ? (path, inFeatures, outFeatures) => QuantizedLinear(shards, path, inFeatures, outFeatures, device)
                : null;
            var model = new LlamaForCausalLM(config, device, dtype, linear);
            try
            {
                CopyParameters(model, shards);
            }
            catch
            {
                model.Dispose();
                throw;
            }
            model.eval();
            return new LoadedLlama(model, tokenizer, Path.GetFullPath(folder));
        }
        finally
        {
            foreach (var reader in shards.Values.Distinct()) reader.Dispose();
        }
    }

    /// <summary>Each tensor key to the open shard that holds it.</summary>
    private static Dictionary<string, SafetensorsReader> OpenShards(string folder)
    {
        var single = Path.Combine(folder, WeightsFileName);
        var index = Path.Combine(folder, IndexFileName);
        try
        {
            if (File.Exists(single))
            {
                var reader = new SafetensorsReader(single);
                return reader.Keys.ToDictionary(k => k, _ => reader, StringComparer.Ordinal);
            }
            if (!File.Exists(index)) throw new LlamaFormatException($"{folder} has neither {WeightsFileName} nor {IndexFileName}.");
            var weightMap = ReadWeightMap(index);
            var readers = new Dictionary<string, SafetensorsReader>(StringComparer.Ordinal);
            var keys = new Dictionary<string, SafetensorsReader>(StringComparer.Ordinal);
            try
            {
                foreach (var (key, file) in weightMap)
                {
                    if (file.Contains('/') || file.Contains('\\') || file.Contains(".."))
                        throw new LlamaFormatException($"{IndexFileName} names shard '{file}', which is not a file in the model folder.");
                    var path = Path.Combine(folder, file);
                    if (!File.Exists(path)) throw new LlamaFormatException($"{IndexFileName} lists {file}, which is missing.");
                    if (!readers.TryGetValue(file, out var reader)) readers[file] = reader = new SafetensorsReader(path);
                    if (!reader.Contains(key)) throw new LlamaFormatException($"{IndexFileName} puts '{key}' in {file}, which does not hold it.");
                    keys[key] = reader;
                }
            }
            catch
            {
                foreach (var reader in readers.Values) reader.Dispose();
                throw;
            }
            return keys;
        }
        catch (SafetensorsException e)
        {
            throw new LlamaFormatException(e.Message);
        }
    }

    private static Dictionary<string, string> ReadWeightMap(string index)
    {
        try
        {
            var map = JsonNode.Parse(File.ReadAllText(index))?["weight_map"] as JsonObject
                ?? throw new LlamaFormatException($"{IndexFileName} has no weight_map.");
            return map.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new LlamaFormatException($"{IndexFileName} is not a valid index: {e.Message}");
        }
    }

    private static nn.Module<Tensor, Tensor> QuantizedLinear(Dictionary<string, SafetensorsReader> shards, string path, long inFeatures, long outFeatures, Device device)
    {
        using var weight = Read(shards, path + ".weight", [outFeatures, inFeatures]);
        using var onDevice = weight.to(device);
        return Nf4Linear.Quantize(onDevice);
    }

    private static void CopyParameters(LlamaForCausalLM model, Dictionary<string, SafetensorsReader> shards)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (name == "lm_head.weight" && model.Config.TieWordEmbeddings && !shards.ContainsKey(name)) continue;
            using var values = Read(shards, name, parameter.shape);
            parameter.copy_(values);
        }
    }

    private static Tensor Read(Dictionary<string, SafetensorsReader> shards, string key, long[] shape)
    {
        if (!shards.TryGetValue(key, out var reader)) throw new LlamaFormatException($"The checkpoint has no tensor '{key}'.");
        try
        {
            var stored = reader.Read(key);
            if (!stored.Shape.SequenceEqual(shape))
                throw new LlamaFormatException($"'{key}' has shape [{string.Join(", ", stored.Shape)}] but config.json needs [{string.Join(", ", shape)}].");
            return stored.ToTensor();
        }
        catch (SafetensorsException e)
        {
            throw new LlamaFormatException(e.Message);
        }
    }
}
