using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricer.Core.Items.Import;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

/// <summary>The data services as the app and the CLI build them, over a real SQLite file in a scratch folder.</summary>
internal sealed class ImportDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    private ImportDatabase(IRemoteDatasetSource[] remotes)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder.Path })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPricerData(configuration, _folder.Path);
        if (remotes.Length > 0) services.RemoveAll<IRemoteDatasetSource>(); // the test's fake stands in for the real Hub source
        foreach (var remote in remotes) services.AddSingleton(remote);
        _services = services.BuildServiceProvider();
    }

    public string DataDirectory => _folder.Path;

    public TempFolder Folder => _folder;

    public IDatasetImporter Importer => _services.GetRequiredService<IDatasetImporter>();

    /// <summary>Any of the data services, as the app and the CLI resolve them.</summary>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ImportDatabase> CreateAsync(params IRemoteDatasetSource[] remotes)
    {
        var database = new ImportDatabase(remotes);
        await database._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return database;
    }

    public PricerDbContext NewContext() => _services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContext();

    public Task<ImportResult> ImportAsync(string name, string source, bool replace = false, bool skipBadRows = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Importer.ImportAsync(new ImportRequest(name, source, replace, skipBadRows), progress, cancellationToken);

    /// <summary>External ids of the items whose title or text match an FTS5 query, in rowid order.</summary>
    public async Task<List<string>> SearchAsync(string dataset, string match)
    {
        await using var db = NewContext();
        return await db.Database.SqlQuery<string>($"""
            SELECT i.ExternalId AS Value FROM ItemSearch s JOIN Items i ON i.Id = s.rowid JOIN Datasets d ON d.Id = i.DatasetId
            WHERE ItemSearch MATCH {match} AND d.Name = {dataset} ORDER BY i.Id
            """).ToListAsync();
    }

    /// <summary>Everything an import may change: data sets with their counts, item and index rows, and the index's own consistency check.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = NewContext();
        var datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync();
        var items = await db.Items.CountAsync();
        var checksum = await db.Database.SqlQuery<long>($"SELECT coalesce(sum(Id * 31 + length(Text) + Position), 0) AS Value FROM Items").SingleAsync();
        var indexed = await db.Database.SqlQuery<long>($"SELECT count(*) AS Value FROM ItemSearch_docsize").SingleAsync();
        await AssertIndexConsistentAsync(db);
        return string.Join("; ", datasets.Select(d => $"{d.Name}#{d.Id} {d.Source} {d.ImportedAt:O} {d.TrainCount}/{d.ValidationCount}/{d.TestCount}/{d.SkippedCount}"))
            + $" | items {items} checksum {checksum} indexed {indexed}";
    }

    /// <summary>
    /// The index holds exactly the items' words, word by word and position by position: its vocabulary is compared with
    /// that of an index built afresh from the items (a contentless index cannot be checked against its content by FTS5).
    /// </summary>
    public static async Task AssertIndexConsistentAsync(PricerDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ItemSearch(ItemSearch, rank) VALUES('integrity-check', 0)");
        }
        catch (SqliteException e)
        {
            Assert.Fail($"the full-text index is damaged: {e.Message}");
        }
        await db.Database.ExecuteSqlRawAsync("""
            CREATE VIRTUAL TABLE temp.Expected USING fts5(Title, Text, content='', tokenize='unicode61 remove_diacritics 2');
            INSERT INTO temp.Expected(rowid, Title, Text) SELECT Id, Title, Text FROM Items;
            CREATE VIRTUAL TABLE temp.ExpectedTerms USING fts5vocab(temp, Expected, instance);
            CREATE VIRTUAL TABLE temp.ActualTerms USING fts5vocab(search, ItemSearch, instance);
            """);
        var differences = await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS Value FROM (
                SELECT * FROM (SELECT term, doc, col, offset FROM temp.ExpectedTerms EXCEPT SELECT term, doc, col, offset FROM temp.ActualTerms)
                UNION ALL
                SELECT * FROM (SELECT term, doc, col, offset FROM temp.ActualTerms EXCEPT SELECT term, doc, col, offset FROM temp.ExpectedTerms))
            """).SingleAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TABLE temp.ActualTerms; DROP TABLE temp.ExpectedTerms; DROP TABLE temp.Expected;");
        await db.Database.CloseConnectionAsync();
        Assert.True(differences == 0, $"the full-text index does not match the items: {differences:N0} word positions differ");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
