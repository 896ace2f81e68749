using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class SearchIndexFileMigrationTests
{
    [Fact]
    public async Task A_database_with_its_index_in_the_main_file_gets_it_moved_to_the_search_file_at_start_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await database.Contexts.CreateDbContextAsync())
            await db.GetService<IMigrator>().MigrateAsync("AppSettings");
        var dataset = await AddWithMainFileIndexAsync(database);

        await database.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var resumed = await database.Services.GetRequiredService<SearchIndexer>().ResumeAsync(CancellationToken.None);

        Assert.Equal(["tiny"], resumed);
        var page = await database.Services.GetRequiredService<ItemBrowser>().GetPageAsync(new ItemQuery(new ItemFilter(dataset.Id, Search: "brake")));
        Assert.Equal(["a"], page.Rows.Select(r => r.ExternalId));
        await using var check = await database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await check.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM main.sqlite_master WHERE name LIKE 'ItemSearch%'").SingleAsync());
        await ImportDatabase.AssertIndexConsistentAsync(check);
    }

    /// <summary>A data set as the importer stored it before the search file: indexed in main.ItemSearch, none in the search file.</summary>
    private static async Task<Dataset> AddWithMainFileIndexAsync(TestDatabase database)
    {
        var dataset = await database.AddDatasetAsync("tiny", [
            new Item("a", Split.Test, "Brake Pads", "Automotive", 45, "Brake Pads\nCeramic.", "", null, "test"),
            new Item("b", Split.Test, "Desk Lamp", "Home", 20, "Desk Lamp\nLED.", "", null, "test"),
        ]);
        await using var db = await database.Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO search.ItemSearch(ItemSearch) VALUES('delete-all');
            INSERT INTO main.ItemSearch(ItemSearch) VALUES('rebuild');
            """);
        return dataset;
    }
}
