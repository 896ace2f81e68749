using Pricer.Core.Lora;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Safetensors;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Llama;

/// <summary>The existing LoRA engine over the Llama's attention projections, by Hugging Face's names.</summary>
public class LlamaLoraTests
{
    private static readonly LoraConfig Attention = new() { Rank = 4, Alpha = 8, Dropout = 0, TargetModules = ["q_proj", "k_proj", "v_proj", "o_proj"] };
    private static readonly Tensor Ids = tensor(new long[] { 270, 80, 114, 105, 99, 101, 32, 105, 115, 32, 36, 49, 50 }, [1, 13]);

    [Fact]
    public void Fresh_adapter_leaves_the_base_output_exactly_and_merged_equals_unmerged()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var _ = no_grad();
        var baseOutput = llama.Model.call(Ids);
        using var lora = new LoraModel(llama.Model);

        var adapter = lora.AddAdapter("price", Attention);

        Assert.Equal(2 * 4, adapter.Layers.Count);
        Assert.Contains("model.layers.1.self_attn.o_proj", adapter.Layers.Keys);
        Assert.True(llama.Model.call(Ids).allclose(baseOutput, rtol: 0, atol: 0));

        foreach (var layer in adapter.Layers.Values) layer.B.copy_(randn_like(layer.B).mul(0.1));
        var unmerged = llama.Model.call(Ids);
        lora.Merge("price");
        var merged = llama.Model.call(Ids);
        lora.Unmerge("price");

        Assert.False(unmerged.allclose(baseOutput, rtol: 0, atol: 1e-4), "a non-zero B should change the output");
        Assert.True(merged.allclose(unmerged, rtol: 0, atol: 1e-5));
        Assert.True(lora.Use(null, () => llama.Model.call(Ids)).allclose(baseOutput, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Adapter_round_trips_through_peft_format_with_llama_key_names()
    {
        using var folder = new TempFolder();
        using var adapterFolder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        using var _ = no_grad();
        Tensor trained;
        using (var lora = new LoraModel(llama.Model))
        {
            var adapter = lora.AddAdapter("price", Attention with { BaseModelNameOrPath = folder.Path, TaskType = "CAUSAL_LM" });
            foreach (var layer in adapter.Layers.Values) layer.B.copy_(randn_like(layer.B).mul(0.1));
            trained = llama.Model.call(Ids);
            PeftAdapterFormat.Save(adapter, adapterFolder.Path);
        }

        var keys = SafetensorsFile.Read(Path.Combine(adapterFolder.Path, PeftAdapterFormat.WeightsFileName)).Keys.ToList();
        Assert.Equal(16, keys.Count);
        Assert.Contains("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight", keys);
        Assert.Contains("base_model.model.model.layers.1.self_attn.v_proj.lora_B.weight", keys);

        using var reloaded = new LoraModel(llama.Model);
        PeftAdapterFormat.Load(reloaded, adapterFolder.Path, "price");
        Assert.True(llama.Model.call(Ids).allclose(trained, rtol: 0, atol: 0));
        Assert.Equal("CAUSAL_LM", reloaded.Get("price").Config.TaskType);
    }
}
