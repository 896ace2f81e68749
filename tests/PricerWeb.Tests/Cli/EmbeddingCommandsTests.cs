using System.Text.Json;
using Pricer.Testing;

namespace PricerWeb.Tests.Cli;

public class EmbeddingCommandsTests
{
    [Fact]
    public async Task Knn_then_ensemble_store_runs_and_print_the_json_contracts_and_embed_has_nothing_left_to_do()
    {
        using var folder = new TempFolder();
        string[] data = ["--data-dir", folder.Path];
        var import = await PricerCli.RunAsync(folder.Path, [.. data, "import", Path.Combine(SharedData.Fixtures, "items", "sample"), "--name", "sample"]);
        Assert.True(import.ExitCode == 0, import.StandardError);

        var knn = await PricerCli.RunAsync(folder.Path, [.. data, "knn", "--dataset", "sample", "--k", "3", "--json"]);
        var embed = await PricerCli.RunAsync(folder.Path, [.. data, "embed", "--dataset", "sample", "--json"]);
        var baseline = await PricerCli.RunAsync(folder.Path, [.. data, "baselines", "--dataset", "sample", "--only", "constant"]);
        var ensemble = await PricerCli.RunAsync(folder.Path, [.. data, "ensemble", "--dataset", "sample", "--runs", "1,2", "--json"]);

        Assert.True(knn.ExitCode == 0, knn.StandardError);
        using (var json = JsonDocument.Parse(knn.LastLine))
        {
            Assert.Equal(1, json.RootElement.GetProperty("run").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("k").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("n").GetInt32());
            Assert.Contains(json.RootElement.GetProperty("weighting").GetString(), new[] { "Mean", "SimilarityWeighted" });
            Assert.True(json.RootElement.GetProperty("error").GetDouble() > 0);
        }
        Assert.True(embed.ExitCode == 0, embed.StandardError);
        Assert.Equal("""{"dataset":"sample","model":"all-MiniLM-L6-v2","embedded":10,"total":10,"added":0,"items_per_second":0}""", embed.LastLine);
        Assert.True(baseline.ExitCode == 0, baseline.StandardError);
        Assert.True(ensemble.ExitCode == 0, ensemble.StandardError);
        using (var json = JsonDocument.Parse(ensemble.LastLine))
        {
            Assert.Equal(3, json.RootElement.GetProperty("run").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("fitted_on").GetInt32());
            var weights = json.RootElement.GetProperty("weights").EnumerateArray().ToList();
            Assert.Equal([1, 2], weights.Select(w => w.GetProperty("run").GetInt32()));
            Assert.All(weights, w => Assert.True(w.GetProperty("weight").GetDouble() >= 0));
        }
    }

    [Fact]
    public async Task Bad_arguments_exit_1_with_a_message_and_store_nothing()
    {
        using var folder = new TempFolder();
        string[] data = ["--data-dir", folder.Path];

        var unknown = await PricerCli.RunAsync(folder.Path, [.. data, "knn", "--dataset", "nope"]);
        var zero = await PricerCli.RunAsync(folder.Path, [.. data, "knn", "--dataset", "nope", "--k", "0"]);
        var badIds = await PricerCli.RunAsync(folder.Path, [.. data, "ensemble", "--dataset", "nope", "--runs", "1,two"]);
        var noRuns = await PricerCli.RunAsync(folder.Path, [.. data, "ensemble", "--dataset", "nope", "--runs", "1,2"]);

        Assert.Equal((1, "There is no data set named 'nope'."), (unknown.ExitCode, unknown.StandardError.Trim()));
        Assert.Equal((1, "--k must be at least 1."), (zero.ExitCode, zero.StandardError.Trim()));
        Assert.Equal((1, "--runs: 'two' is not a run id."), (badIds.ExitCode, badIds.StandardError.Trim()));
        Assert.Equal((1, "There is no data set named 'nope'."), (noRuns.ExitCode, noRuns.StandardError.Trim()));
    }
}
