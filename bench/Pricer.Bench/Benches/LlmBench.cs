using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Bench.Measurement;
using Pricer.Bench.Synthetic;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Datasets;
using Pricer.Data.Llm;
using Pricer.Testing.Llm;

namespace Pricer.Bench.Benches;

/// <summary>
/// An LLM run of 1,000 SYNTHETIC test items through the production path (OpenAI SDK over HTTP, retries, budget,
/// predictions stored as they arrive) against the loopback chat server answering in 50 ms, 16 at a time: once
/// in a fresh process, once more with another model (steady state, nothing cached), then that run again, answered
/// from the response cache.
/// </summary>
internal static class LlmBench
{
    public const string DatasetName = "synthetic-llm";
    private const int TestItems = 1_000;
    private const int Concurrency = 16;
    private static readonly TimeSpan ReplyDelay = TimeSpan.FromMilliseconds(50);
    private const string KeyVariable = "PRICER_BENCH_LLM_KEY";

    public static async Task RunAsync(string workFolder, ResultTable results)
    {
        var source = Path.Combine(workFolder, DatasetName);
        if (!File.Exists(Path.Combine(source, "test.jsonl.gz")))
            new SyntheticItemWriter().WriteDataset(source, train: 10, validation: 10, test: TestItems);
        var databaseFolder = Path.Combine(workFolder, "db-llm");
        if (Directory.Exists(databaseFolder)) Directory.Delete(databaseFolder, recursive: true);
        await using var database = await BenchDatabase.OpenAsync(databaseFolder);
        await database.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest(DatasetName, source), null, CancellationToken.None);
        await using var server = LoopbackChatServer.Start();
        server.Delay = ReplyDelay;
        Environment.SetEnvironmentVariable(KeyVariable, "sk-bench-" + Guid.NewGuid().ToString("N"));
        var settings = new LlmRunSettings
        {
            Provider = new LlmProviderOptions
            {
                Name = "loopback", BaseUrl = server.BaseUrl, Model = "bench-model", ApiKeyEnvironmentVariable = KeyVariable,
                InputUsdPerMillionTokens = 0.1, OutputUsdPerMillionTokens = 0.4, Concurrency = Concurrency,
            },
            Items = new LlmItemSet { Split = Split.Test },
        };
        var runs = database.Services.GetRequiredService<LlmRunService>();

        var first = await TimeRunAsync(runs, settings with { Provider = WithModel(settings.Provider, "bench-model-cold") });
        var steady = await TimeRunAsync(runs, settings);
        var cached = await TimeRunAsync(runs, settings);

        var ideal = TestItems / (double)Concurrency * ReplyDelay.TotalSeconds;
        Console.WriteLine($"llm: {steady.Summary.Done:N0} items, {steady.Summary.Status}, ${steady.Summary.CostUsd:0.####}, most in flight {server.MostInFlight}; ideal {ideal:0.00} s");
        if (first.Summary.Done != TestItems || steady.Summary.Status != RunStatus.Succeeded || steady.Summary.Done != TestItems || steady.Summary.CacheHits != 0
            || cached.Summary.CacheHits != TestItems)
            throw new InvalidOperationException($"The LLM bench runs did not complete: {first.Summary} / {steady.Summary} / {cached.Summary}");
        // The first run pays for compiling the code it runs (JIT, tiering up), once per process; the second, with
        // another model so that nothing is cached, is what every later run of a long-lived app costs. CPU time is
        // client, loopback server and SQLite together: on a busy shared machine wall time waits on other
        // processes, while CPU time says what the run itself costs the machine.
        results.Add("llm", $"{TestItems:N0} items, 50 ms replies, concurrency {Concurrency}, first run", first.Seconds, "s");
        results.Add("llm", "CPU time of that run (client + server + db)", first.CpuSeconds, "s");
        results.Add("llm", "same again, another model (steady state)", steady.Seconds, "s", 1.3 * ideal);
        results.Add("llm", "CPU time of that run (client + server + db)", steady.CpuSeconds, "s");
        results.Add("llm", $"same run again, {cached.Summary.CacheHits:N0} cache hits", cached.Seconds, "s");
        Environment.SetEnvironmentVariable(KeyVariable, null);
    }

    private static LlmProviderOptions WithModel(LlmProviderOptions provider, string model)
    {
        var copy = provider.Copy();
        copy.Model = model;
        return copy;
    }

    private static async Task<(LlmRunSummary Summary, double Seconds, double CpuSeconds)> TimeRunAsync(LlmRunService runs, LlmRunSettings settings)
    {
        var run = await runs.CreateAsync(DatasetName, null, settings, "bench", CancellationToken.None);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var summary = await runs.ExecuteAsync(run.Id, null, CancellationToken.None);
        return (summary, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}
