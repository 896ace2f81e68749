using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Items.Import;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.HuggingFace;

/// <summary>The app's own importer, given "hf:owner/name", against the loopback Hub.</summary>
public class HubImportTests
{
    private const string Source = "hf:ed-donner/items_lite";

    [Fact]
    public async Task Imports_a_hub_dataset_by_repo_id_with_every_split()
    {
        var splits = HubItemRow.SmallSplits();
        await using var hub = await FakeHub.StartAsync(h => h.PageSize = 2);
        hub.Files["data/train-00000-of-00002.parquet"] = await HubItemRow.ToParquetAsync(splits["train"][..2]);
        hub.Files["data/train-00001-of-00002.parquet"] = await HubItemRow.ToParquetAsync(splits["train"][2..]);
        hub.Files["data/validation-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["validation"]);
        hub.Files["data/test-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["test"]);
        using var factory = new PricerAppFactory();
        using var app = WithHub(factory, hub);
        var progress = new RecordingProgress();

        var result = await Import(app, progress);

        Assert.Equal(("items_lite", 4, 1, 2, 0), (result.Dataset, result.Train, result.Validation, result.Test, result.Skipped));
        Assert.Contains(progress.Reports, p => p.Stage == "download" && p.BytesDone == p.BytesTotal);
        Assert.Equal("done", progress.Reports.Last().Stage);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        Assert.Equal(Source, (await db.Datasets.SingleAsync()).Source);
        var drill = await db.Items.SingleAsync(i => i.ExternalId == "B000TEST04");
        Assert.Equal((Split.Train, 3, 129.0, "Cordless drill driver with two batteries.", 4.1), (drill.Split, drill.Position, drill.Price, drill.Text, drill.Weight));
        Assert.Equal("hf:ed-donner/items_lite/data/train-00001-of-00002.parquet", drill.Source);
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "downloads", "hf", "ed-donner", "items_lite", "main", "data")));

        var cdnRequests = hub.CdnRequests.Count();
        var again = await app.Services.GetRequiredService<IDatasetImporter>()
            .ImportAsync(new ImportRequest("items_lite", Source, Replace: true), null, CancellationToken.None);

        Assert.Equal((4, 1, 2), (again.Train, again.Validation, again.Test));
        Assert.Equal(cdnRequests, hub.CdnRequests.Count());
    }

    [SkippableFact]
    public async Task Imports_the_course_items_served_by_the_hub_as_parquet()
    {
        SharedData.Require();
        var splits = HubItemRow.SharedSplits();
        var train = splits["train"];
        await using var hub = await FakeHub.StartAsync();
        hub.Files["data/train-00000-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[..(train.Count / 2)]);
        hub.Files["data/train-00001-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[(train.Count / 2)..]);
        hub.Files["data/validation-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["validation"]);
        hub.Files["data/test-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["test"]);
        using var factory = new PricerAppFactory();
        using var app = WithHub(factory, hub);

        var result = await Import(app, null);

        Assert.Equal((7_948, 1_000, 2_000, 0), (result.Train, result.Validation, result.Test, result.Skipped));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        var firstTest = await db.Items.Where(i => i.Split == Split.Test).OrderBy(i => i.Position).FirstAsync();
        Assert.Equal((splits["test"][0].Id, splits["test"][0].Price), (firstTest.ExternalId, firstTest.Price));
    }

    [Fact]
    public async Task A_refused_download_stops_the_import_with_the_hubs_message_and_stores_nothing()
    {
        await using var hub = await FakeHub.StartAsync(h => h.RequiredToken = "hf_NeededToken");
        hub.Files["data/train-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(HubItemRow.SmallSplits()["train"]);
        using var factory = new PricerAppFactory();
        using var app = WithHub(factory, hub);

        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Import(app, null));

        Assert.Contains("needs a login for hf:ed-donner/items_lite@main", error.Message);
        Assert.Contains("set PRICER_TEST_HF_TOKEN_", error.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Datasets.ToListAsync());
    }

    private static WebApplicationFactory<Program> WithHub(PricerAppFactory factory, FakeHub hub) => factory.WithWebHostBuilder(b => b
        .UseSetting("HuggingFace:Endpoint", hub.Endpoint.ToString())
        .UseSetting("HuggingFace:TokenEnvironmentVariable", $"PRICER_TEST_HF_TOKEN_{Guid.NewGuid():N}")
        .UseSetting("HuggingFace:RetryDelay", "00:00:00.010"));

    private static Task<ImportResult> Import(WebApplicationFactory<Program> app, IProgress<ImportProgress>? progress) =>
        app.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest("items_lite", Source), progress, CancellationToken.None);
}
