using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items.Import;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class SearchIndexerTests
{
    private const int Items = 50_000;

    [Fact]
    public async Task Stopping_an_import_while_its_index_catches_up_leaves_the_items_and_the_index_as_they_were()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Path.Combine(Pricer.Testing.SharedData.Fixtures, "items", "sample"));
        var before = await database.SnapshotAsync();
        var source = await GeneratedItemsAsync(database);
        using var cancellation = new CancellationTokenSource();
        var storedWhileIndexing = -1;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.ImportAsync("generated", source,
            progress: new Recorder(p =>
            {
                if (p.Stage != "index") return;
                using var db = database.NewContext();
                storedWhileIndexing = db.Datasets.Count(d => d.Name == "generated");
                cancellation.Cancel();
            }),
            cancellationToken: cancellation.Token));

        Assert.Equal(0, storedWhileIndexing);
        Assert.Equal(before, await database.SnapshotAsync());
        Assert.Equal(["tr-003"], await database.SearchAsync("shop", "stapler"));
    }

    [Fact]
    public async Task A_lost_search_file_is_created_again_at_start_up_and_filled_from_the_items()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("generated", await GeneratedItemsAsync(database));
        SqliteConnection.ClearAllPools();
        File.Delete(SearchDatabase.FilePathFor(database.Folder.File("pricer.db")));
        File.Delete(SearchDatabase.FilePathFor(database.Folder.File("pricer.db")) + "-wal");
        File.Delete(SearchDatabase.FilePathFor(database.Folder.File("pricer.db")) + "-shm");

        await database.Get<DatabaseInitializer>().InitializeAsync();
        var datasetId = (await database.Get<ItemBrowser>().GetDatasetsAsync()).Single().Id;
        var lost = await database.Get<ItemBrowser>().GetPageAsync(new ItemQuery(new ItemFilter(datasetId, Search: "g17")));
        var resumed = await database.Get<SearchIndexer>().ResumeAsync(CancellationToken.None);
        var found = await database.Get<ItemBrowser>().GetPageAsync(new ItemQuery(new ItemFilter(datasetId, Search: "g17")));

        Assert.Equal((0, 0.0), (lost.TotalCount, lost.SearchIndexFraction));
        Assert.Equal(["generated"], resumed);
        Assert.Equal(["g17"], found.Rows.Select(r => r.ExternalId));
        Assert.Null(found.SearchIndexFraction);
        await using var db = database.NewContext();
        await ImportDatabase.AssertIndexConsistentAsync(db);
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
