using System.Text.Json.Nodes;
using Pricer.Core.Lora;
using Pricer.Core.Models.MiniLm;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

/// <summary>PEFT's layers_to_transform: only the chosen encoder layers get LoRA modules, and the choice round-trips through adapter_config.json.</summary>
public class LayersToTransformTests
{
    private static readonly Lazy<BertModel> Encoder = new(MiniLmWeights.LoadPretrained);

    [Theory]
    [InlineData("encoder.layer.4.attention.self.query", 4)]
    [InlineData("encoder.layer.10.output.dense", 10)]
    [InlineData("model.layers.3.self_attn.q_proj", 3)]
    [InlineData("layer.0.query", null)]
    [InlineData("pooler.dense", null)]
    public void Layer_index_is_read_from_a_module_path_as_PEFTs_default_pattern_reads_it(string path, int? expected) =>
        Assert.Equal(expected, LoraConfig.LayerIndex(path));

    [Fact]
    public void Only_the_chosen_layers_get_lora_modules_and_the_choice_round_trips_through_PEFTs_config()
    {
        using var folder = new TempFolder();
        var config = new LoraConfig { Rank = 4, Alpha = 8, TargetModules = ["query", "value"], LayersToTransform = [4, 5] };
        var encoder = Encoder.Value;
        using (var lora = new LoraModel(encoder))
        {
            var adapter = lora.AddAdapter("price", config);
            Assert.Equal(
                ["encoder.layer.4.attention.self.query", "encoder.layer.4.attention.self.value", "encoder.layer.5.attention.self.query", "encoder.layer.5.attention.self.value"],
                adapter.Layers.Keys.Order());
            LoraModelTests.Randomise(adapter);
            PeftAdapterFormat.Save(adapter, folder.Path);
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName)))!;
        Assert.Equal([4, 5], json["layers_to_transform"]!.AsArray().Select(l => l!.GetValue<int>()));
        using var again = new LoraModel(encoder);
        var loaded = PeftAdapterFormat.Load(again, folder.Path, "again");
        Assert.Equal([4, 5], loaded.Config.LayersToTransform!);
        Assert.Equal(4, loaded.Layers.Count);
    }

    [Fact]
    public void A_single_layer_index_reads_as_PEFT_writes_it_and_bad_choices_are_refused()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName);
        File.WriteAllText(path, """{"peft_type": "LORA", "r": 8, "lora_alpha": 16, "target_modules": ["query"], "layers_to_transform": 3}""");
        Assert.Equal([3], PeftAdapterFormat.ReadConfig(path).LayersToTransform!);

        File.WriteAllText(path, """{"peft_type": "LORA", "r": 8, "lora_alpha": 16, "target_modules": ["query"], "layers_to_transform": [-1]}""");
        Assert.Contains("layer indices", Assert.Throws<LoraFormatException>(() => PeftAdapterFormat.ReadConfig(path)).Message);
        File.WriteAllText(path, """{"peft_type": "LORA", "r": 8, "lora_alpha": 16, "target_modules": "encoder.*query", "layers_to_transform": [1]}""");
        Assert.Contains("not to a pattern", Assert.Throws<LoraFormatException>(() => PeftAdapterFormat.ReadConfig(path)).Message);

        using var lora = new LoraModel(Encoder.Value);
        Assert.Throws<ArgumentException>(() => lora.AddAdapter("high", new LoraConfig { LayersToTransform = [6] }));
        Assert.Empty(lora.Adapters);
    }

    [Fact]
    public void A_module_named_in_full_is_adapted_whatever_the_layers_as_in_PEFT()
    {
        using var lora = new LoraModel(Encoder.Value);
        manual_seed(1);
        var adapter = lora.AddAdapter("full", new LoraConfig { TargetModules = ["encoder.layer.1.attention.self.query", "value"], LayersToTransform = [5] });
        Assert.Equal(["encoder.layer.1.attention.self.query", "encoder.layer.5.attention.self.value"], adapter.Layers.Keys.Order());
    }
}
