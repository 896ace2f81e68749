using System.Text.Json;
using Pricer.Testing;

namespace PricerWeb.Tests.Cli;

/// <summary>pricer train, predict and features on a real SQLite file, with the synthetic training fixture as the data set.</summary>
public class TrainCommandTests
{
    private static string Items => Path.Combine(SharedData.Fixtures, "training", "items.jsonl");

    [Fact]
    public async Task Train_stores_a_run_whose_model_predict_then_uses()
    {
        using var folder = new TempFolder();
        string[] db = ["--data-dir", folder.Path];
        var imported = await PricerCli.RunAsync(folder.Path, [.. db, "import", Items, "--name", "fixture"]);
        Assert.True(imported.ExitCode == 0, imported.StandardError);

        var trained = await PricerCli.RunAsync(folder.Path, [.. db, "train", "--dataset", "fixture", "--epochs", "2", "--batch-size", "8", "--target", "log", "--optimizer", "adamw", "--json"]);

        Assert.True(trained.ExitCode == 0, trained.StandardError);
        using var json = JsonDocument.Parse(trained.LastLine);
        var root = json.RootElement;
        var run = root.GetProperty("run").GetInt32();
        foreach (var key in new[] { "val_loss", "samples_per_sec", "peak_memory_mb", "error", "rmsle", "hits" })
            Assert.True(root.GetProperty(key).GetDouble() >= 0, key);
        Assert.Equal("cpu", root.GetProperty("device").GetString());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.Contains("epoch 2/2", trained.StandardError);
        Assert.True(File.Exists(Path.Combine(folder.Path, "models", $"run-{run}", "model.pt")));
        Assert.True(File.Exists(Path.Combine(folder.Path, "checkpoints", $"run-{run}", "checkpoint.json")));

        var csv = folder.File("guesses.csv");
        var predicted = await PricerCli.RunAsync(folder.Path, [.. db, "predict", "--run", run.ToString(), "--in", Items, "--out", csv]);

        Assert.True(predicted.ExitCode == 0, predicted.StandardError);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("item_id,guess", lines[0]);
        Assert.Equal(61, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.True(double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) >= 0, line));
    }

    [Fact]
    public async Task Predict_refuses_a_run_without_a_model_and_bad_options_are_explained()
    {
        using var folder = new TempFolder();
        var csv = folder.File("out.csv");

        var noModel = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "predict", "--run", "42", "--in", Items, "--out", csv);
        var badPreset = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "train", "--dataset", "x", "--preset", "fastest");
        var badRate = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "train", "--dataset", "x", "--lr", "-1");
        var noDataset = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "train", "--dataset", "missing");

        Assert.Equal(1, noModel.ExitCode);
        Assert.Contains("Run 42 has no saved model", noModel.StandardError);
        Assert.False(File.Exists(csv));
        Assert.Equal(1, badPreset.ExitCode);
        Assert.Contains("There is no preset 'fastest'", badPreset.StandardError);
        Assert.Equal(1, badRate.ExitCode);
        Assert.Contains("learning rate", badRate.StandardError);
        Assert.Equal(1, noDataset.ExitCode);
        Assert.Contains("There is no data set named 'missing'", noDataset.StandardError);
    }

    [Fact]
    public async Task Features_prints_one_json_line_per_item_and_nothing_for_a_file_with_bad_rows()
    {
        using var folder = new TempFolder();

        var features = await PricerCli.RunAsync(folder.Path, "features", "--in", Items);
        var bad = await PricerCli.RunAsync(folder.Path, "features", "--in", Path.Combine(SharedData.Fixtures, "items", "bad", "bad-rows.jsonl"));

        Assert.True(features.ExitCode == 0, features.StandardError);
        var lines = features.StandardOutput.TrimEnd().Split('\n');
        Assert.Equal(60, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var indices = first.RootElement.GetProperty("indices").EnumerateArray().Select(i => i.GetInt32()).ToList();
        var values = first.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.False(string.IsNullOrEmpty(first.RootElement.GetProperty("id").GetString()));
        Assert.Equal(indices.Order(), indices);
        Assert.All(indices, i => Assert.InRange(i, 0, 4999));
        Assert.Equal(1.0, values.Sum(v => v * v), 5);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("bad row", bad.StandardError);
        Assert.Equal("", bad.StandardOutput);
    }
}
