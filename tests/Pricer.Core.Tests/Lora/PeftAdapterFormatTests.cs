using System.Text.Json.Nodes;
using Pricer.Core.Lora;
using Pricer.Core.Models.Safetensors;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

public class PeftAdapterFormatTests
{
    private static readonly LoraConfig Config = new() { Rank = 3, Alpha = 6, Dropout = 0.05, TaskType = "FEATURE_EXTRACTION", BaseModelNameOrPath = "tiny" };

    [Fact]
    public void Adapter_round_trips_through_PEFTs_files_with_PEFTs_key_names()
    {
        using var folder = new TempFolder();
        manual_seed(7);
        using var net = new TinyEncoder();
        net.eval();
        using var input = randn(3, 6);
        using var lora = new LoraModel(net);
        var saved = lora.AddAdapter("price", Config);
        LoraModelTests.Randomise(saved);
        using var expected = net.call(input);

        PeftAdapterFormat.Save(saved, folder.Path);
        lora.RemoveAdapter("price");
        var loaded = PeftAdapterFormat.Load(lora, folder.Path, "again");
        using var actual = net.call(input);

        Assert.True(expected.allclose(actual, rtol: 0, atol: 0));
        Assert.Equal(Config, loaded.Config with { TargetModules = Config.TargetModules });
        Assert.Equal(["query", "value"], loaded.Config.TargetModules);
        var keys = SafetensorsFile.Read(Path.Combine(folder.Path, PeftAdapterFormat.WeightsFileName)).Keys.Order();
        Assert.Equal(
            ["base_model.model.layer.0.query.lora_A.weight", "base_model.model.layer.0.query.lora_B.weight",
             "base_model.model.layer.0.value.lora_A.weight", "base_model.model.layer.0.value.lora_B.weight",
             "base_model.model.layer.1.query.lora_A.weight", "base_model.model.layer.1.query.lora_B.weight",
             "base_model.model.layer.1.value.lora_A.weight", "base_model.model.layer.1.value.lora_B.weight"], keys);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName)))!;
        Assert.Equal("LORA", config["peft_type"]!.GetValue<string>());
        Assert.Equal(3, config["r"]!.GetValue<int>());
        Assert.Equal(6, config["lora_alpha"]!.GetValue<double>());
        Assert.Equal("none", config["bias"]!.GetValue<string>());
        Assert.Equal("tiny", config["base_model_name_or_path"]!.GetValue<string>());
    }

    [Fact]
    public void Adapter_for_another_shape_or_module_is_refused_and_nothing_is_added()
    {
        using var folder = new TempFolder();
        using var wide = new TinyEncoder(width: 8);
        using (var wideLora = new LoraModel(wide)) PeftAdapterFormat.Save(wideLora.AddAdapter("w", Config), folder.Path);
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);

        var shape = Assert.Throws<LoraFormatException>(() => PeftAdapterFormat.Load(lora, folder.Path, "w"));
        Assert.Contains("shape", shape.Message);
        Assert.Empty(lora.Adapters);

        using var deeper = new TinyEncoder(blocks: 3);
        using (var deeperLora = new LoraModel(deeper)) PeftAdapterFormat.Save(deeperLora.AddAdapter("d", Config), folder.Path);
        var module = Assert.Throws<LoraFormatException>(() => PeftAdapterFormat.Load(lora, folder.Path, "d"));
        Assert.Contains("layer.2.query", module.Message);
        Assert.Empty(lora.Adapters);
    }

    [Theory]
    [InlineData("{\"peft_type\": \"PREFIX_TUNING\", \"r\": 8, \"lora_alpha\": 16}", "peft_type")]
    [InlineData("{\"peft_type\": \"LORA\", \"lora_alpha\": 16, \"target_modules\": [\"query\"]}", "no r")]
    [InlineData("{\"peft_type\": \"LORA\", \"r\": \"eight\", \"lora_alpha\": 16, \"target_modules\": [\"query\"]}", "malformed")]
    [InlineData("not json", "not valid JSON")]
    public void Malformed_adapter_config_gives_a_clear_message(string json, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, PeftAdapterFormat.ConfigFileName), json);
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);

        var error = Assert.Throws<LoraFormatException>(() => PeftAdapterFormat.Load(lora, folder.Path, "x"));

        Assert.Contains(expected, error.Message);
        Assert.Empty(lora.Adapters);
    }

    [Fact]
    public void Merged_export_holds_the_base_keys_with_the_update_added()
    {
        using var folder = new TempFolder();
        manual_seed(8);
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);
        var adapter = lora.AddAdapter("price", Config);
        LoraModelTests.Randomise(adapter);
        using var baseWeight = net.state_dict()["layer.1.value.weight"].clone();
        using var delta = adapter.Layers["layer.1.value"].DeltaWeight().detach();
        var path = Path.Combine(folder.Path, "merged.safetensors");

        MergedExport.Save(lora, "price", path);

        var merged = SafetensorsFile.Read(path);
        Assert.Equal(net.state_dict().Keys.Order(), merged.Keys.Order());
        using var value = merged["layer.1.value.weight"].ToTensor();
        Assert.True(value.allclose(baseWeight + delta, rtol: 1e-5, atol: 1e-6));
        Assert.False(adapter.Merged);
        Assert.True(net.state_dict()["layer.1.value.weight"].allclose(baseWeight, rtol: 0, atol: 1e-6));
    }
}
