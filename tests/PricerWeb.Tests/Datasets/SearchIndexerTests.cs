using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class SearchIndexerTests
{
    private const int Items = 50_000;

    [Fact]
    public async Task A_new_data_set_is_browsable_while_indexed_and_stopping_the_index_build_leaves_the_database_as_it_was()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Path.Combine(Pricer.Testing.SharedData.Fixtures, "items", "sample"));
        var before = await database.SnapshotAsync();
        var source = await GeneratedItemsAsync(database);
        using var cancellation = new CancellationTokenSource();
        int? storedWhileIndexing = null;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.ImportAsync("generated", source,
            progress: new Recorder(p =>
            {
                if (p is not { Stage: "index", ItemsIndexed: > 0 }) return;
                using var db = database.NewContext();
                storedWhileIndexing = db.Datasets.Where(d => d.Name == "generated").Select(d => (int?)d.TrainCount).SingleOrDefault();
                cancellation.Cancel();
            }),
            cancellationToken: cancellation.Token));

        Assert.Equal(Items, storedWhileIndexing);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task A_search_over_a_partly_indexed_data_set_says_how_much_it_covers_and_resuming_completes_the_index()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("generated", await GeneratedItemsAsync(database));
        var datasetId = await ForgetIndexAfterAsync(database, "generated", SearchIndexer.BatchSize);
        var browser = database.Get<ItemBrowser>();
        var indexer = database.Get<SearchIndexer>();

        var early = await browser.GetPageAsync(new ItemQuery(new ItemFilter(datasetId, Search: "g17")));
        var late = await browser.GetPageAsync(new ItemQuery(new ItemFilter(datasetId, Search: "g45000")));
        var all = await browser.GetPageAsync(new ItemQuery(new ItemFilter(datasetId)));

        Assert.Equal(["g17"], early.Rows.Select(r => r.ExternalId));
        Assert.Equal(0.4, early.SearchIndexFraction);
        Assert.Equal((0, 0.4), (late.TotalCount, late.SearchIndexFraction));
        Assert.Equal((Items, null), (all.TotalCount, all.SearchIndexFraction));

        Assert.Equal(["generated"], await indexer.ResumeAsync(CancellationToken.None));

        var resumed = await browser.GetPageAsync(new ItemQuery(new ItemFilter(datasetId, Search: "g45000")));
        Assert.Equal(["g45000"], resumed.Rows.Select(r => r.ExternalId));
        Assert.Null(resumed.SearchIndexFraction);
        Assert.Empty(await indexer.ResumeAsync(CancellationToken.None));
        await using var db = database.NewContext();
        await ImportDatabase.AssertIndexConsistentAsync(db);
    }

    /// <summary>One train file of items whose text names them ("item g17"), so a search finds exactly one.</summary>
    private static async Task<string> GeneratedItemsAsync(ImportDatabase database)
    {
        var path = database.Folder.File("train.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, Items).Select(i => $"{{\"id\": \"g{i}\", \"price\": 3, \"text\": \"generated item g{i}\"}}"));
        return path;
    }

    /// <summary>Leaves the data set's index as a build stopped after <paramref name="kept"/> items would have.</summary>
    private static async Task<int> ForgetIndexAfterAsync(ImportDatabase database, string name, int kept)
    {
        await using var db = database.NewContext();
        var id = await db.Datasets.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
        var first = await db.Items.Where(i => i.DatasetId == id).MinAsync(i => i.Id);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ItemSearch(ItemSearch, rowid, Title, Text)
            SELECT 'delete', Id, Title, Text FROM Items WHERE DatasetId = {id} AND Id >= {first + kept}
            """);
        return id;
    }

    private sealed class Recorder(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport(value);
    }
}
