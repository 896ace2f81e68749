using System.Text.Json;
using Pricer.Testing.Llm;
using PricerWeb.Tests.Llm;

namespace PricerWeb.Tests.Cli;

public sealed class LlmCommandTests
{
    [Fact]
    public async Task Llm_prices_the_report_items_prints_the_json_contract_and_a_rerun_is_all_cache_hits()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        string[] args =
        [
            "--data-dir", bed.Database.DataDirectory, "llm", "--dataset", "llm", "--base-url", bed.Server.BaseUrl, "--model", "openai/gpt-4.1-nano",
            "--api-key-env", bed.KeyVariable, "--report", "course2024", "--concurrency", "4", "--input-price", "10", "--output-price", "20", "--json",
        ];

        var first = await PricerCli.RunAsync(bed.Database.DataDirectory, args);
        var again = await PricerCli.RunAsync(bed.Database.DataDirectory, args);

        Assert.True(first.ExitCode == 0, first.StandardError);
        using var paid = JsonDocument.Parse(first.LastLine);
        var root = paid.RootElement;
        Assert.Equal(["run", "n", "error", "rmsle", "hits", "tokens_in", "tokens_out", "cost", "cache_hits", "status"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(LlmTestBed.TestItems, root.GetProperty("n").GetInt32());
        Assert.Equal(LlmTestBed.TestItems, bed.Server.Requests.Count);
        var tokensIn = bed.Server.Requests.Sum(r => r.Prompt.Length / 4 + 1);
        Assert.Equal(tokensIn, root.GetProperty("tokens_in").GetInt64());
        Assert.Equal((tokensIn * 10.0 + LlmTestBed.TestItems * 5 * 20.0) / 1e6, root.GetProperty("cost").GetDouble(), 12);
        Assert.Equal(0, root.GetProperty("cache_hits").GetInt32());
        Assert.True(root.GetProperty("error").GetDouble() > 0);
        Assert.Contains("priced 40/40", first.StandardError);

        Assert.True(again.ExitCode == 0, again.StandardError);
        using var cached = JsonDocument.Parse(again.LastLine);
        Assert.Equal(LlmTestBed.TestItems, cached.RootElement.GetProperty("cache_hits").GetInt32());
        Assert.Equal(0, cached.RootElement.GetProperty("cost").GetDouble());
        Assert.Equal(root.GetProperty("error").GetDouble(), cached.RootElement.GetProperty("error").GetDouble());
        Assert.Equal(LlmTestBed.TestItems, bed.Server.Requests.Count);
    }

    [Fact]
    public async Task Llm_stopped_by_its_budget_fails_saying_so_and_still_prints_the_json_of_what_it_priced()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.PromptTokens = _ => 100;
        // Each call: 100 x $10/M + 5 x $20/M = $0.0011; $0.005 pays for four.
        string[] args =
        [
            "--data-dir", bed.Database.DataDirectory, "llm", "--dataset", "llm", "--base-url", bed.Server.BaseUrl, "--model", "m",
            "--api-key-env", bed.KeyVariable, "--concurrency", "1", "--input-price", "10", "--output-price", "20", "--budget", "0.005", "--json",
        ];

        var result = await PricerCli.RunAsync(bed.Database.DataDirectory, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Stopped at the budget of $0.005: 4 of 40 items priced", result.StandardError);
        Assert.Equal(4, bed.Server.Requests.Count);
        using var json = JsonDocument.Parse(result.LastLine);
        Assert.Equal("Failed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(400, json.RootElement.GetProperty("tokens_in").GetInt64());
        Assert.Equal(20, json.RootElement.GetProperty("tokens_out").GetInt64());
        Assert.Equal(0.0044, json.RootElement.GetProperty("cost").GetDouble(), 12);
    }

    [Fact]
    public async Task A_key_echoed_in_an_error_is_not_printed_and_rag_without_embeddings_fails_clearly_with_how_to_embed()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.Enqueue(ChatFault.EchoKeyUnauthorized);
        string[] common = ["--data-dir", bed.Database.DataDirectory, "llm", "--dataset", "llm", "--base-url", bed.Server.BaseUrl, "--model", "m", "--api-key-env", bed.KeyVariable];

        var failed = await PricerCli.RunAsync(bed.Database.DataDirectory, [.. common, "--concurrency", "1", "--json"]);
        var rag = await PricerCli.RunAsync(bed.Database.DataDirectory, [.. common, "--rag"]);
        var neither = await PricerCli.RunAsync(bed.Database.DataDirectory, "--data-dir", bed.Database.DataDirectory, "llm", "--dataset", "llm");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("401", failed.StandardError);
        Assert.DoesNotContain(bed.ApiKey, failed.StandardError + failed.StandardOutput);
        Assert.Equal(1, rag.ExitCode);
        Assert.Contains("`pricer embed --dataset llm`", rag.StandardError);
        Assert.Equal(1, neither.ExitCode);
        Assert.Contains("--base-url and --model", neither.StandardError);
    }

    [Fact]
    public async Task Llm_rag_on_an_embedded_data_set_sends_five_priced_neighbours_per_prompt_and_prints_the_json_contract()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        await bed.EmbedAsync();

        var result = await PricerCli.RunAsync(bed.Database.DataDirectory,
            "--data-dir", bed.Database.DataDirectory, "llm", "--dataset", "llm", "--base-url", bed.Server.BaseUrl, "--model", "openai/gpt-4.1-nano",
            "--api-key-env", bed.KeyVariable, "--report", "course2024", "--rag", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.LastLine);
        Assert.Equal(LlmTestBed.TestItems, json.RootElement.GetProperty("n").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("cache_hits").GetInt32());
        Assert.Equal(LlmTestBed.TestItems, bed.Server.Requests.Count);
        Assert.All(bed.Server.Requests, r => Assert.Equal(5, r.Prompt.Split("Potentially related product:\nGadget r").Length - 1));
        Assert.All(bed.Server.Requests, r => Assert.Equal(5, r.Prompt.Split("Price is $1").Length - 1));
    }
}
