using System.Text.Json;
using Pricer.Testing;

namespace PricerWeb.Tests.Cli;

public class ImportCommandTests
{
    private static string Fixture(params string[] parts) => Path.Combine([SharedData.Fixtures, "items", .. parts]);

    [Fact]
    public async Task Import_prints_the_json_contract_last_and_refuses_an_existing_name_without_replace()
    {
        using var folder = new TempFolder();
        string[] common = ["--data-dir", folder.Path, "import", Fixture("sample"), "--name", "sample"];

        var first = await PricerCli.RunAsync(folder.Path, [.. common, "--json"]);
        var again = await PricerCli.RunAsync(folder.Path, common);
        var replaced = await PricerCli.RunAsync(folder.Path, [.. common, "--replace", "--json"]);
        var listed = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "datasets", "--json");

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Equal("""{"dataset":"sample","train":5,"validation":2,"test":3,"skipped":0}""", first.LastLine);
        Assert.Contains("done", first.StandardError);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("A data set named 'sample' already exists", again.StandardError);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(first.LastLine, replaced.LastLine);
        using var datasets = JsonDocument.Parse(listed.LastLine);
        Assert.Equal(1, datasets.RootElement.GetProperty("datasets").GetArrayLength());
    }

    [Fact]
    public async Task Bad_rows_are_listed_on_stderr_and_abort_with_exit_code_1_unless_skipped()
    {
        using var folder = new TempFolder();
        var bad = Fixture("bad", "bad-rows.jsonl");

        var aborted = await PricerCli.RunAsync(folder.Path, "--db", folder.File("items.db"), "import", bad, "--name", "bad", "--json");
        var skipped = await PricerCli.RunAsync(folder.Path, "--db", folder.File("items.db"), "import", bad, "--name", "bad", "--skip-bad-rows", "--json");

        Assert.Equal(1, aborted.ExitCode);
        Assert.Contains($"bad row {bad}:2: broken JSON", aborted.StandardError);
        Assert.Contains("Import aborted, nothing was stored", aborted.StandardError);
        Assert.DoesNotContain("{", aborted.StandardOutput);
        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal("""{"dataset":"bad","train":1,"validation":0,"test":1,"skipped":17}""", skipped.LastLine);
        Assert.Contains($"bad row {bad}:20: details is not a JSON object", skipped.StandardError);
    }

    [Fact]
    public async Task A_missing_source_exits_1_and_a_missing_name_is_a_usage_error()
    {
        using var folder = new TempFolder();

        var missing = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", "no-such-items.jsonl", "--name", "x");
        var noName = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", Fixture("sample"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no-such-items.jsonl: no such file or folder.", missing.StandardError);
        Assert.Equal(2, noName.ExitCode);
        Assert.Contains("--name", noName.StandardError);
    }
}
