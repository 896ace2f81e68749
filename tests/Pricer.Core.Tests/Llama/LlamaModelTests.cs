using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Safetensors;
using Pricer.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Llama;

/// <summary>A tiny random Llama written in Hugging Face's layout loads, tokenizes, and runs causally.</summary>
public class LlamaModelTests
{
    [Fact]
    public void Sharded_folder_loads_with_the_weights_as_written()
    {
        using var folder = new TempFolder();
        var written = TinyLlama.Write(folder.Path, TinyLlama.Config());

        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });

        var loaded = llama.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(written.Keys.Order(), loaded.Keys.Order());
        foreach (var (key, values) in written) Assert.True(values.allclose(loaded[key], rtol: 0, atol: 0), $"{key} differs after loading");
        Assert.Equal(ScalarType.Float32, llama.Model.Dtype);
        Assert.Contains("model.layers.1.self_attn.q_proj.weight", loaded.Keys);
        Assert.Contains("model.layers.0.mlp.gate_proj.weight", loaded.Keys);
    }

    [Fact]
    public void Single_file_fp16_checkpoint_loads_within_half_precision()
    {
        using var folder = new TempFolder();
        var written = TinyLlama.Write(folder.Path, TinyLlama.Config());
        foreach (var shard in Directory.GetFiles(folder.Path, "model-0000*")) File.Delete(shard);
        File.Delete(Path.Combine(folder.Path, LlamaFolder.IndexFileName));
        SafetensorsFile.Write(Path.Combine(folder.Path, LlamaFolder.WeightsFileName), written.ToDictionary(p => p.Key, p => SafeTensor.From(p.Value, SafetensorsDType.F16)));

        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });

        foreach (var (name, parameter) in llama.Model.named_parameters())
            Assert.True(parameter.allclose(written[name], rtol: 1e-3, atol: 1e-4), $"{name} differs beyond fp16 rounding");
    }

    [Fact]
    public void Llama_3_2_3b_config_reads_and_counts_its_parameters()
    {
        var config = LlamaConfig.Read(Path.Combine(SharedData.Fixtures, "llama", "llama-3.2-3b-config.json"));

        Assert.Equal((3072, 8192, 28, 24, 8, 128, 128256), (config.HiddenSize, config.IntermediateSize, config.NumHiddenLayers, config.NumAttentionHeads, config.NumKeyValueHeads, config.HeadDim, config.VocabSize));
        Assert.Equal(new RopeScaling(32, 1, 4, 8192), config.RopeScaling);
        Assert.Equal((500000.0, true, "bfloat16", 128000, 128001), (config.RopeTheta, config.TieWordEmbeddings, config.TorchDtype, config.BosTokenId, config.EosTokenId));
        Assert.Equal(3_212_749_824, config.ParameterCount);
        using var tiny = new LlamaForCausalLM(TinyLlama.Config());
        Assert.Equal(tiny.parameters().Sum(p => p.numel()), TinyLlama.Config().ParameterCount);
    }

    [Fact]
    public void Tokenizer_json_encodes_byte_level_with_merges_and_decodes_back()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        const string text = "Price is $100.00 for the café";

        var ids = llama.Tokenizer.Encode(text);

        Assert.Equal(TinyLlama.BosId, ids[0]);
        Assert.Equal(text, llama.Tokenizer.Decode(ids));
        Assert.Contains(259 + 3, ids); // "Price", built by four merges
        Assert.True(ids.Length < text.Length, $"merges should shorten {text.Length} bytes, got {ids.Length} ids");
    }

    [Fact]
    public void Whole_pre_tokens_in_the_vocabulary_are_one_token_when_merges_are_ignored_as_in_llama_3()
    {
        var json = TinyLlama.TokenizerJson();
        json["model"]!["vocab"]!["xyz"] = 268;
        var ignoring = Llama3Tokenizer.FromJson(json);
        json["model"]!["ignore_merges"] = false;
        var merging = Llama3Tokenizer.FromJson(json);

        Assert.Equal([268, 256], ignoring.Encode("xyz t", addBos: false));
        Assert.Equal([120, 121, 122, 256], merging.Encode("xyz t", addBos: false));
        Assert.Equal([80, 270, 262], ignoring.Encode("P<|begin_of_text|>Price", addBos: false));
        Assert.Equal("xyz théâtre", ignoring.Decode(ignoring.Encode("xyz théâtre")));
    }

    [Fact]
    public void Output_is_deterministic_and_causal()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var _ = no_grad();
        var ids = tensor(new long[] { 270, 80, 114, 105, 99, 101, 32, 105, 115 }, [1, 9]);
        var changed = ids.clone();
        changed[0, 8] = tensor(42L);

        var first = llama.Model.call(ids);
        var again = llama.Model.call(ids);
        var other = llama.Model.call(changed);

        Assert.True(first.allclose(again, rtol: 0, atol: 0));
        Assert.True(first[.., ..8].allclose(other[.., ..8], rtol: 0, atol: 1e-6), "a later token changed earlier logits");
        Assert.False(first[.., 8].allclose(other[.., 8]), "the changed token should change its own logits");
    }

    [Fact]
    public void Grouped_query_attention_matches_full_attention_with_each_kv_head_repeated()
    {
        using var folder = new TempFolder();
        var grouped = TinyLlama.Config(keyValueHeads: 2);
        TinyLlama.Write(folder.Path, grouped);
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var full = new LlamaForCausalLM(grouped with { NumKeyValueHeads = grouped.NumAttentionHeads });
        var repeat = grouped.NumAttentionHeads / grouped.NumKeyValueHeads;
        using (no_grad())
        {
            var source = llama.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var (name, parameter) in full.named_parameters())
            {
                Tensor value = source[name];
                if (name.EndsWith("k_proj.weight", StringComparison.Ordinal) || name.EndsWith("v_proj.weight", StringComparison.Ordinal))
                    value = value.view(grouped.NumKeyValueHeads, grouped.HeadDim, -1).repeat_interleave(repeat, dim: 0).reshape(parameter.shape);
                parameter.copy_(value);
            }
        }
        var ids = randint(0, 270, [2, 12], dtype: ScalarType.Int64);

        using var _ = no_grad();
        Assert.True(llama.Model.call(ids).allclose(full.call(ids), rtol: 1e-5, atol: 1e-5));
        Assert.Equal(2 * 8 * 32, llama.Model.named_parameters().First(p => p.name == "model.layers.0.self_attn.k_proj.weight").parameter.numel());
    }

    [Fact]
    public void Llama3_rope_scaling_keeps_high_frequencies_and_slows_low_ones_by_the_factor()
    {
        var config = TinyLlama.Config() with { HeadDimOverride = 64, RopeScaling = new RopeScaling(8, 1, 4, 8192) };
        var plain = new RotaryEmbedding(config with { RopeScaling = null }).InverseFrequencies;
        var scaled = new RotaryEmbedding(config).InverseFrequencies;

        Assert.Equal(plain[0], scaled[0]);
        Assert.Equal(plain[^1] / 8, scaled[^1], 1e-9);
        var middle = Enumerable.Range(0, plain.Count).Where(i => scaled[i] != plain[i] && Math.Abs(scaled[i] - plain[i] / 8) > 1e-12).ToList();
        Assert.NotEmpty(middle);
        Assert.All(middle, i => Assert.InRange(scaled[i], plain[i] / 8, plain[i]));
    }

    [Fact]
    public void Tied_embeddings_load_without_an_lm_head_tensor()
    {
        using var folder = new TempFolder();
        var written = TinyLlama.Write(folder.Path, TinyLlama.Config(tied: true));
        Assert.DoesNotContain("lm_head.weight", written.Keys);

        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });

        var ids = tensor(new long[] { 270, 80, 114 }, [1, 3]);
        using var _ = no_grad();
        Assert.Equal([1, 3, 272], llama.Model.call(ids).shape);
    }

    [Fact]
    public void Broken_folders_are_refused_with_a_plain_message()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        File.Delete(Path.Combine(folder.Path, "model-00002-of-00002.safetensors"));
        Assert.Contains("missing", Assert.Throws<LlamaFormatException>(() => LlamaFolder.Load(folder.Path)).Message);

        using var other = new TempFolder();
        TinyLlama.Write(other.Path, TinyLlama.Config());
        File.WriteAllText(Path.Combine(other.Path, LlamaFolder.ConfigFileName), TinyLlama.Config().ToJson().ToJsonString().Replace("\"hidden_size\":32", "\"hidden_size\":48"));
        Assert.Contains("shape", Assert.Throws<LlamaFormatException>(() => LlamaFolder.Load(other.Path)).Message);

        File.WriteAllText(Path.Combine(other.Path, LlamaFolder.ConfigFileName), "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<LlamaFormatException>(() => LlamaFolder.Load(other.Path)).Message);
        Assert.False(LlamaFolder.IsLlamaFolder(other.Path));

        using var hostile = new TempFolder();
        TinyLlama.Write(hostile.Path, TinyLlama.Config());
        var index = Path.Combine(hostile.Path, LlamaFolder.IndexFileName);
        File.WriteAllText(index, File.ReadAllText(index).Replace("model-00002-of-00002.safetensors", "../../etc/passwd"));
        Assert.Contains("not a file in the model folder", Assert.Throws<LlamaFormatException>(() => LlamaFolder.Load(hostile.Path)).Message);

        using var wordPiece = new TempFolder();
        TinyLlama.Write(wordPiece.Path, TinyLlama.Config());
        var tokenizer = Path.Combine(wordPiece.Path, LlamaFolder.TokenizerFileName);
        File.WriteAllText(tokenizer, File.ReadAllText(tokenizer).Replace("\"type\":\"BPE\"", "\"type\":\"WordPiece\""));
        Assert.Contains("only BPE", Assert.Throws<LlamaFormatException>(() => LlamaFolder.Load(wordPiece.Path)).Message);
    }

    [Fact]
    public void Bf16_compute_runs_close_to_float32_and_a_float32_adapter_trains_over_it()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var full = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var half = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU, Dtype = ScalarType.BFloat16 });
        var ids = tensor(new long[] { 270, 80, 114, 105, 99, 101, 32, 105, 115 }, [1, 9]);
        Tensor exact, rounded;
        using (no_grad())
        {
            exact = full.Model.call(ids);
            rounded = half.Model.call(ids);
        }

        Assert.Equal(ScalarType.BFloat16, rounded.dtype);
        Assert.InRange(rounded.to(ScalarType.Float32).sub(exact).norm().item<float>() / exact.norm().item<float>(), 0, 0.05);
        using var lora = new Pricer.Core.Lora.LoraModel(half.Model);
        var adapter = lora.AddAdapter("price", new Pricer.Core.Lora.LoraConfig { TargetModules = ["q_proj", "v_proj"], Dropout = 0 });
        half.Model.call(ids).to(ScalarType.Float32).pow(2).mean().backward();
        Assert.All(adapter.Layers.Values, l => Assert.Equal(ScalarType.Float32, l.A.dtype));
        Assert.True(adapter.Layers.Values.First().B.grad!.abs().sum().item<float>() > 0, "the float32 adapter got no gradient through the bf16 base");
    }
}
