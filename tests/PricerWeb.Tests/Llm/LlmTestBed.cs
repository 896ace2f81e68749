using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;
using Pricer.Data.Llm;
using Pricer.Data.Runs;
using Pricer.Testing.Llm;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Llm;

/// <summary>
/// A migrated SQLite file with a data set "llm" (40 test and 10 training items) wired as the app wires it, a
/// loopback chat server, and an API key in an environment variable of this test's own.
/// </summary>
internal sealed class LlmTestBed : IAsyncDisposable
{
    public const int TestItems = 40;

    private LlmTestBed(TestDatabase database, LoopbackChatServer server, Dataset dataset)
    {
        Database = database;
        Server = server;
        Dataset = dataset;
        Environment.SetEnvironmentVariable(KeyVariable, ApiKey);
    }

    public TestDatabase Database { get; }
    public LoopbackChatServer Server { get; }
    public Dataset Dataset { get; }
    public string KeyVariable { get; } = "PRICER_TEST_LLM_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    public string ApiKey { get; } = "sk-test-" + Guid.NewGuid().ToString("N");

    public LlmRunService Runs => Database.Services.GetRequiredService<LlmRunService>();

    public static async Task<LlmTestBed> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var items = Enumerable.Range(0, TestItems).Select(i => Item($"t{i:00}", Split.Test, 10 + i))
            .Concat(Enumerable.Range(0, 10).Select(i => Item($"r{i:00}", Split.Train, 100 + i)));
        var dataset = await database.AddDatasetAsync("llm", items);
        return new LlmTestBed(database, LoopbackChatServer.Start(), dataset);
    }

    /// <summary>Prices: $10 a million input tokens, $20 a million output tokens; no back-off wait beyond 10 ms.</summary>
    public LlmProviderOptions Provider(int concurrency = 4) => new()
    {
        Name = "loopback",
        BaseUrl = Server.BaseUrl,
        Model = "openai/gpt-4.1-nano",
        ApiKeyEnvironmentVariable = KeyVariable,
        InputUsdPerMillionTokens = 10,
        OutputUsdPerMillionTokens = 20,
        Concurrency = concurrency,
        MaxRetries = 3,
        RetryBaseDelaySeconds = 0.01,
        TimeoutSeconds = 10,
    };

    public LlmRunSettings Settings(int concurrency = 4, double? budget = null, int? first = null) =>
        new() { Provider = Provider(concurrency), BudgetUsd = budget, Items = new LlmItemSet { Split = Split.Test, First = first } };

    public async Task<(PricerRun Run, LlmRunSummary Summary)> RunAsync(LlmRunSettings settings, IProgress<LlmRunProgress>? progress = null)
    {
        var run = await Runs.CreateAsync("llm", null, settings, "tester", CancellationToken.None);
        var summary = await Runs.ExecuteAsync(run.Id, progress, CancellationToken.None);
        return (run, summary);
    }

    /// <summary>Embeds all 50 items with the real MiniLM model, as "Embed now" and `pricer embed` do.</summary>
    public async Task EmbedAsync() => await Database.Services.GetRequiredService<DatasetEmbedder>().EmbedAsync(Dataset.Id, null, CancellationToken.None);

    public async Task<List<ItemRecord>> ItemsAsync(Split split)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Items.AsNoTracking().Where(i => i.DatasetId == Dataset.Id && i.Split == split).OrderBy(i => i.Id).ToListAsync();
    }

    public async Task<List<Prediction>> PredictionsAsync(int runId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Predictions.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.ItemId).ToListAsync();
    }

    public async Task<PricerRun> StoredRunAsync(int runId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    /// <summary>Item text in the shape the course's items have: title line, then a description.</summary>
    private static Item Item(string id, Split split, double price) =>
        new(id, split, $"Gadget {id}", "Electronics", price, $"Gadget {id}\nA useful gadget, model {id}, with {price:0} features.", "", null, "test");

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, null);
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
