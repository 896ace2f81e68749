using System.Text.Json;
using Pricer.Core.Lora;
using Pricer.Core.Models.Safetensors;
using Pricer.Core.Tests.Llama;
using Pricer.Testing;

namespace PricerWeb.Tests.Cli;

public class LoraCommandTests
{
    [Fact]
    public async Task Train_stores_a_run_and_an_adapter_that_eval_and_merge_read()
    {
        using var folder = new TempFolder();
        var import = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", Path.Combine(SharedData.Fixtures, "items", "sample"), "--name", "sample");
        Assert.True(import.ExitCode == 0, import.StandardError);

        var train = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "sample",
            "--r", "4", "--alpha", "8", "--targets", "query,value", "--epochs", "1", "--max-tokens", "32", "--batch-size", "4", "--json");

        Assert.True(train.ExitCode == 0, train.StandardError);
        using var trained = JsonDocument.Parse(train.LastLine);
        var json = trained.RootElement;
        var adapter = json.GetProperty("adapter_path").GetString()!;
        // 6 layers x (query, value) x (384x4 + 4x384) + the 385-weight head.
        Assert.Equal(6 * 2 * 3072 + 385, json.GetProperty("trainable_params").GetInt64());
        Assert.True(json.GetProperty("all_params").GetInt64() > 22_000_000);
        Assert.True(json.GetProperty("val_loss").GetDouble() >= 0);
        Assert.True(json.GetProperty("error").GetDouble() > 0);
        foreach (var field in new[] { "run", "rmsle", "hits" }) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Contains("trainable params: 37,249 || all params: ", train.StandardOutput);
        Assert.True(File.Exists(Path.Combine(adapter, "adapter_config.json")));

        var evaluated = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "eval", "--adapter", adapter, "--dataset", "sample", "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.StandardError);
        using var again = JsonDocument.Parse(evaluated.LastLine);
        Assert.NotEqual(json.GetProperty("run").GetInt32(), again.RootElement.GetProperty("run").GetInt32());
        Assert.Equal(json.GetProperty("error").GetDouble(), again.RootElement.GetProperty("error").GetDouble(), 6);

        var merged = folder.File("merged.safetensors");
        var merge = await PricerCli.RunAsync(folder.Path, "lora", "merge", "--adapter", adapter, "--out", merged);
        Assert.True(merge.ExitCode == 0, merge.StandardError);
        Assert.Contains("encoder.layer.5.attention.self.value.weight", SafetensorsFile.Read(merged).Keys);
    }

    [Fact]
    public async Task Train_of_the_top_layer_from_cached_states_saves_its_layers_and_calibration_and_eval_prices_alike()
    {
        using var folder = new TempFolder();
        var import = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", Path.Combine(SharedData.Fixtures, "items", "sample"), "--name", "sample");
        Assert.True(import.ExitCode == 0, import.StandardError);

        var train = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "sample", "--r", "4", "--alpha", "8",
            "--layers", "5", "--head-lr", "0.01", "--raw-price-weight", "0.5", "--mean-calibration", "--schedule", "Cosine",
            "--epochs", "2", "--max-tokens", "32", "--batch-size", "4", "--json");

        Assert.True(train.ExitCode == 0, train.StandardError);
        Assert.Contains("cached the frozen states entering layer 5", train.StandardError);
        using var trained = JsonDocument.Parse(train.LastLine);
        var adapter = trained.RootElement.GetProperty("adapter_path").GetString()!;
        // One layer x (query, value) x (384x4 + 4x384) + the 385-weight head.
        Assert.Equal(2 * 3072 + 385, trained.RootElement.GetProperty("trainable_params").GetInt64());
        Assert.Equal([5], PeftAdapterFormat.ReadConfig(Path.Combine(adapter, PeftAdapterFormat.ConfigFileName)).LayersToTransform!);
        var evaluated = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "eval", "--adapter", adapter, "--dataset", "sample", "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.StandardError);
        using var again = JsonDocument.Parse(evaluated.LastLine);
        Assert.Equal(trained.RootElement.GetProperty("error").GetDouble(), again.RootElement.GetProperty("error").GetDouble(), 6);
    }

    [Fact]
    public async Task Train_with_a_llama_folder_as_base_makes_a_peft_adapter_and_a_run_that_eval_and_merge_read()
    {
        using var folder = new TempFolder();
        using var llama = new TempFolder();
        TinyLlama.Write(llama.Path, TinyLlama.Config());
        var import = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", Path.Combine(SharedData.Fixtures, "items", "sample"), "--name", "sample");
        Assert.True(import.ExitCode == 0, import.StandardError);

        var train = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--base", llama.Path, "--dataset", "sample",
            "--r", "4", "--alpha", "8", "--epochs", "1", "--max-tokens", "24", "--lr", "0.01", "--max-items", "4", "--nf4", "--json");

        Assert.True(train.ExitCode == 0, train.StandardError);
        using var trained = JsonDocument.Parse(train.LastLine);
        var json = trained.RootElement;
        var adapter = json.GetProperty("adapter_path").GetString()!;
        // 2 layers x (q, o: 32x4 + 4x32; k, v: 32x4 + 4x16).
        Assert.Equal(2 * (2 * 256 + 2 * 192), json.GetProperty("trainable_params").GetInt64());
        Assert.True(json.GetProperty("all_params").GetInt64() > 2 * 272 * 32);
        Assert.True(json.GetProperty("val_loss").GetDouble() > 0);
        foreach (var field in new[] { "run", "error", "rmsle", "hits" }) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Equal(4, json.GetProperty("train_items").GetInt32());
        Assert.Contains("qlora-", adapter);
        var config = PeftAdapterFormat.ReadConfig(Path.Combine(adapter, PeftAdapterFormat.ConfigFileName));
        Assert.Equal(["q_proj", "k_proj", "v_proj", "o_proj"], config.TargetModules);
        Assert.Equal(llama.Path, config.BaseModelNameOrPath);
        Assert.Contains("base_model.model.model.layers.1.self_attn.k_proj.lora_B.weight", SafetensorsFile.Read(Path.Combine(adapter, PeftAdapterFormat.WeightsFileName)).Keys);

        var evaluated = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "eval", "--adapter", adapter, "--dataset", "sample", "--nf4", "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.StandardError);
        using var again = JsonDocument.Parse(evaluated.LastLine);
        Assert.Equal(json.GetProperty("error").GetDouble(), again.RootElement.GetProperty("error").GetDouble(), 6);

        var merged = folder.File("merged.safetensors");
        var merge = await PricerCli.RunAsync(folder.Path, "lora", "merge", "--adapter", adapter, "--out", merged);
        Assert.True(merge.ExitCode == 0, merge.StandardError);
        Assert.Contains("model.layers.0.self_attn.q_proj.weight", SafetensorsFile.Read(merged).Keys);
    }

    [Fact]
    public async Task Bad_settings_and_missing_adapters_exit_1_with_a_reason()
    {
        using var folder = new TempFolder();

        var targets = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "x", "--targets", "q_proj");
        var rank = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "x", "--r", "0");
        var llama = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "x", "--base", "/models/llama");
        var dataset = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "nothing-here");
        var adapter = await PricerCli.RunAsync(folder.Path, "lora", "merge", "--adapter", folder.File("none"), "--out", folder.File("m.safetensors"));
        var highLayer = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "x", "--layers", "4,6");
        var badLayers = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "lora", "train", "--dataset", "x", "--layers", "top");

        Assert.Equal((1, true), (targets.ExitCode, targets.StandardError.Contains("Unknown target 'q_proj'")));
        Assert.Equal((1, true), (rank.ExitCode, rank.StandardError.Contains("rank must be between 1 and 4096")));
        Assert.Equal((1, true), (llama.ExitCode, llama.StandardError.Contains("neither 'minilm' nor a Llama folder")));
        Assert.Equal((1, true), (dataset.ExitCode, dataset.StandardError.Contains("no data set named 'nothing-here'")));
        Assert.Equal((1, true), (adapter.ExitCode, adapter.StandardError.Contains("not a saved LoRA pricer")));
        Assert.Equal((1, true), (highLayer.ExitCode, highLayer.StandardError.Contains("layers 0 to 5 (got 6)")));
        Assert.Equal((1, true), (badLayers.ExitCode, badLayers.StandardError.Contains("give layer numbers separated by commas")));
        Assert.False(File.Exists(folder.File("m.safetensors")));
    }
}
