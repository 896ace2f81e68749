using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data;

namespace PricerWeb.Tests.Datasets;

public class DatabasePageSizeTests
{
    [Fact]
    public async Task A_new_database_and_its_search_file_get_large_pages_and_write_ahead_logging()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.Equal(DatabaseInitializer.PageSize, await PageSizeAsync(db));
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        Assert.Equal(DatabaseInitializer.PageSize, await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size('search')").SingleAsync());
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode('search')").SingleAsync());
    }

    [Fact]
    public async Task An_existing_database_keeps_its_page_size_and_its_items()
    {
        await using var database = new TestDatabase();
        var file = Path.Combine(database.DataDirectory, "pricer.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            // A database made before the initializer chose its page size.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=4096; PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync();
        }
        var initializer = database.Services.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync();
        await database.AddDatasetAsync("kept", [new Item("a", Split.Test, "Brake Pads", "Automotive", 45, "Brake Pads\nCeramic.", "", null, "test")]);

        await initializer.InitializeAsync();

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(4096, await PageSizeAsync(db));
        Assert.Equal(["a"], await db.Items.Select(i => i.ExternalId).ToListAsync());
    }

    private static Task<long> PageSizeAsync(PricerDbContext db) =>
        db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size").SingleAsync();
}
