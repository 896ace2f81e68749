using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

public class DatasetImporterTests
{
    private static string Fixture(params string[] parts) => Path.Combine([SharedData.Fixtures, "items", .. parts]);

    [Fact]
    public async Task Imports_a_folder_of_split_files_with_positions_counts_and_search()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var reports = new List<ImportProgress>();
        var before = DateTimeOffset.UtcNow;

        var result = await database.ImportAsync("sample", Fixture("sample"), progress: new Recorder(reports.Add));

        Assert.Equal(("sample", 5, 2, 3, 0), (result.Dataset, result.Train, result.Validation, result.Test, result.Skipped));
        await using var db = database.NewContext();
        var dataset = await db.Datasets.SingleAsync();
        Assert.Equal(("sample", Fixture("sample"), 5, 2, 3, 0), (dataset.Name, dataset.Source, dataset.TrainCount, dataset.ValidationCount, dataset.TestCount, dataset.SkippedCount));
        Assert.InRange(dataset.ImportedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var train = await db.Items.Where(i => i.DatasetId == dataset.Id && i.Split == Split.Train).OrderBy(i => i.Position).ToListAsync();
        Assert.Equal(["tr-001", "tr-002", "tr-003", "tr-004", "tr-005"], train.Select(i => i.ExternalId));
        Assert.Equal([0, 1, 2, 3, 4], train.Select(i => i.Position));
        var tape = await db.Items.SingleAsync(i => i.ExternalId == "te-003");
        Assert.Equal((Split.Test, 2, 15.75, 0.9), (tape.Split, tape.Position, tape.Price, tape.Weight));
        Assert.Equal(["tr-003"], await database.SearchAsync("sample", "stapler"));
        Assert.Equal(["te-003"], await database.SearchAsync("sample", "magnetic"));
        Assert.Equal("done", reports[^1].Stage);
        Assert.Contains(reports, r => r.Stage == "index");
        Assert.Equal(reports[^1].BytesTotal, reports[^1].BytesDone);
        Assert.Equal(10, reports[^1].ItemsRead);
    }

    [Fact]
    public async Task An_import_gives_its_pooled_connections_back_with_their_settings_and_its_items_are_read_from_the_WAL()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var before = await ConnectionSettingsAsync(database);

        await database.ImportAsync("sample", Fixture("sample"));

        for (var i = 0; i < 3; i++) Assert.Equal(before, await ConnectionSettingsAsync(database));
        // A connection outside the app's pool sees the items before anything copies them from the WAL into the file.
        await using var outside = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(database.DataDirectory, "pricer.db")};Pooling=False");
        await outside.OpenAsync();
        await using var count = outside.CreateCommand();
        count.CommandText = "SELECT count(*) FROM Items";
        Assert.Equal(10L, await count.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task Imports_the_course_items_in_their_order_and_indexes_their_titles()
    {
        SharedData.Require();
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync("course", SharedData.ItemsFolder);

        Assert.Equal((7_948, 1_000, 2_000, 0), (result.Train, result.Validation, result.Test, result.Skipped));
        await using var db = database.NewContext();
        var firstTest = await db.Items.Where(i => i.Split == Split.Test).OrderBy(i => i.Position).FirstAsync();
        using var firstLine = JsonDocument.Parse(await FirstLineAsync(Path.Combine(SharedData.ItemsFolder, "test.jsonl.gz")));
        Assert.Equal(firstLine.RootElement.GetProperty("id").GetString(), firstTest.ExternalId);
        Assert.Equal(firstLine.RootElement.GetProperty("price").GetDouble(), firstTest.Price);
        Assert.Equal(0, firstTest.Position);
        Assert.Contains(firstTest.ExternalId, await database.SearchAsync("course", "Compressor"));
        await ImportDatabase.AssertIndexConsistentAsync(db);
    }

    [Fact]
    public async Task An_abort_on_bad_rows_leaves_the_database_exactly_as_it_was_replaced_data_set_included()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Fixture("sample"));
        var before = await database.SnapshotAsync();

        var aborted = await Assert.ThrowsAsync<ImportAbortedException>(
            () => database.ImportAsync("shop", Fixture("bad", "bad-rows.jsonl"), replace: true));
        var abortedNew = await Assert.ThrowsAsync<ImportAbortedException>(
            () => database.ImportAsync("other", Fixture("bad", "bad-rows.jsonl")));

        Assert.Equal(before, await database.SnapshotAsync());
        Assert.Equal(17, aborted.BadRows.Count);
        Assert.Equal(new BadRow(Fixture("bad", "bad-rows.jsonl"), 2, aborted.BadRows[0].Reason), aborted.BadRows[0]);
        Assert.Contains("Import aborted, nothing was stored", abortedNew.Message);
        Assert.Equal(["tr-003"], await database.SearchAsync("shop", "stapler"));
    }

    [Fact]
    public async Task An_abort_stops_after_twenty_bad_rows()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var path = database.Folder.File("train.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 500).Select(i => $"{{\"id\": \"{i}\", \"price\": -1, \"text\": \"x\"}}"));

        var aborted = await Assert.ThrowsAsync<ImportAbortedException>(() => database.ImportAsync("many", path));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), aborted.BadRows.Select(b => b.Line));
    }

    [Fact]
    public async Task Skipping_bad_rows_imports_the_rest_and_reports_every_skipped_row()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var result = await database.ImportAsync("mixed", Fixture("bad", "bad-rows.jsonl"), skipBadRows: true);

        Assert.Equal((1, 0, 1, 17), (result.Train, result.Validation, result.Test, result.Skipped));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19, 20], result.BadRows.Select(b => (int)b.Line));
        await using var db = database.NewContext();
        Assert.Equal(17, (await db.Datasets.SingleAsync()).SkippedCount);
        var objectDetails = await db.Items.SingleAsync(i => i.ExternalId == "12345");
        Assert.Equal("{\"Brand\": \"Acme\", \"Size\": {\"w\": 1, \"h\": 2}}", objectDetails.Details);
    }

    [Fact]
    public async Task Skipping_keeps_the_first_thousand_bad_rows_and_counts_them_all()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var path = database.Folder.File("train.jsonl");
        await File.WriteAllLinesAsync(path,
            Enumerable.Range(0, 1500).Select(i => $"{{\"id\": \"bad{i}\", \"price\": 0, \"text\": \"x\"}}").Append("{\"id\": \"good\", \"price\": 1, \"text\": \"x\"}"));

        var result = await database.ImportAsync("lossy", path, skipBadRows: true);

        Assert.Equal((1, 1500, 1000), (result.Train, result.Skipped, result.BadRows.Count));
        await using var db = database.NewContext();
        Assert.Equal(1500, (await db.Datasets.SingleAsync()).SkippedCount);
    }

    [Fact]
    public async Task An_existing_name_is_refused_without_replace_before_the_source_is_even_read()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Fixture("sample"));
        var before = await database.SnapshotAsync();

        var refused = await Assert.ThrowsAsync<DatasetExistsException>(() => database.ImportAsync("shop", "/no/such/source.jsonl"));

        Assert.Equal("shop", refused.Name);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Replace_swaps_the_items_and_the_search_index_and_leaves_other_data_sets_alone()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Fixture("sample"));
        await database.ImportAsync("kept", Fixture("sample"));
        var replacement = database.Folder.File("test.jsonl");
        await File.WriteAllTextAsync(replacement, "{\"id\": \"new-1\", \"title\": \"Espresso Machine\", \"price\": 199, \"text\": \"Espresso Machine with a milk frother\"}\n");

        var result = await database.ImportAsync("shop", replacement, replace: true);

        Assert.Equal((0, 0, 1), (result.Train, result.Validation, result.Test));
        await using var db = database.NewContext();
        Assert.Equal(["kept", "shop"], await db.Datasets.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Equal(11, await db.Items.CountAsync());
        Assert.Empty(await database.SearchAsync("shop", "stapler"));
        Assert.Equal(["new-1"], await database.SearchAsync("shop", "espresso"));
        Assert.Equal(["tr-003"], await database.SearchAsync("kept", "stapler"));
        await ImportDatabase.AssertIndexConsistentAsync(db);
    }

    [Fact]
    public async Task Cancelling_a_replace_mid_import_rolls_back_to_the_old_data_set()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("shop", Fixture("sample"));
        var before = await database.SnapshotAsync();
        var path = database.Folder.File("train.jsonl");
        await File.WriteAllLinesAsync(path, Enumerable.Range(0, 50_000).Select(i => $"{{\"id\": \"g{i}\", \"price\": 3, \"text\": \"generated item {i}\"}}"));
        using var cancellation = new CancellationTokenSource();
        long itemsWhenCancelled = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => database.ImportAsync("shop", path, replace: true,
            progress: new Recorder(p =>
            {
                if (p.Stage != "read" || p.ItemsRead == 0) return;
                itemsWhenCancelled = p.ItemsRead;
                cancellation.Cancel();
            }),
            cancellationToken: cancellation.Token));

        Assert.InRange(itemsWhenCancelled, 1, 49_999);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task Hostile_strings_are_stored_verbatim_and_a_file_of_only_bad_rows_stores_nothing()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var hostile = "<script>alert('x')</script>'; DROP TABLE Items; --";
        var path = database.Folder.File("validation.jsonl");
        await File.WriteAllLinesAsync(path, [
            JsonSerializer.Serialize(new { id = hostile, title = hostile, category = hostile, price = 1.0, text = hostile + "\0tail" }),
            JsonSerializer.Serialize(new { id = "huge", price = 1.0, text = new string('z', 70 * 1024) })]);
        var onlyBad = database.Folder.File("train.jsonl");
        await File.WriteAllTextAsync(onlyBad, "{\"price\": 0, \"text\": \"x\"}\n");

        var result = await database.ImportAsync("hostile", path, skipBadRows: true);
        var nothing = await Assert.ThrowsAsync<ItemSourceException>(() => database.ImportAsync("empty", onlyBad, skipBadRows: true));

        Assert.Equal((1, 1), (result.Validation, result.Skipped));
        Assert.Contains("no items to import (1 bad rows, none good)", nothing.Message);
        await using var db = database.NewContext();
        var item = await db.Items.SingleAsync();
        Assert.Equal((hostile, hostile, hostile, hostile + "tail"), (item.ExternalId, item.Title, item.Category, item.Text));
        Assert.Equal(["hostile"], await db.Datasets.Select(d => d.Name).ToListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_data_set_needs_a_name(string name)
    {
        await using var database = await ImportDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => database.ImportAsync(name, Fixture("sample")));

        Assert.Contains("A data set needs a name.", error.Message);
    }

    [Fact]
    public async Task A_remote_source_is_downloaded_under_the_data_folder_and_read_like_a_folder()
    {
        var remote = new FixtureRemote(Fixture("sample"));
        await using var database = await ImportDatabase.CreateAsync(remote);

        var result = await database.ImportAsync("lite", "hf:ed-donner/items_lite");

        Assert.Equal((5, 2, 3), (result.Train, result.Validation, result.Test));
        Assert.Equal(Path.Combine(database.DataDirectory, "downloads"), remote.DownloadRoot);
        await using var db = database.NewContext();
        Assert.Equal("hf:ed-donner/items_lite", (await db.Datasets.SingleAsync()).Source);
    }

    private static async Task<string> FirstLineAsync(string gzipPath)
    {
        await using var gzip = new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return (await reader.ReadLineAsync())!;
    }

    /// <summary>The settings an import changes for its bulk load, as a connection from the app's pool has them.</summary>
    private static async Task<(long Synchronous, long CacheSize, long AutoCheckpoint, long SearchSynchronous)> ConnectionSettingsAsync(ImportDatabase database)
    {
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task<long> Pragma(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        return (await Pragma("synchronous"), await Pragma("cache_size"), await Pragma("wal_autocheckpoint"), await Pragma("search.synchronous"));
    }

    /// <summary>Calls back on the reporting thread, unlike Progress&lt;T&gt;, so assertions see every report in order.</summary>
    private sealed class Recorder(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport(value);
    }

    private sealed class FixtureRemote(string folder) : IRemoteDatasetSource
    {
        public string? DownloadRoot { get; private set; }

        public bool CanResolve(string source) => source.StartsWith("hf:", StringComparison.Ordinal);

        public Task<string> ResolveAsync(string source, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            DownloadRoot = downloadRoot;
            return Task.FromResult(folder);
        }
    }

}
