using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class SearchVocabularyMigrationTests
{
    [Fact]
    public async Task A_database_migrated_before_the_search_vocabulary_existed_gets_it_at_start_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddDatasetAsync("tiny", [new Item("a", Split.Test, "Brake Pads", "Automotive", 45, "Brake Pads\nCeramic.", "", null, "test")]);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            // The state an early copy of BrowserIndexes left behind.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE ItemSearchTerms; DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_SearchTermsVocabulary';");
        }

        await database.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        var dataset = (await database.Services.GetRequiredService<ItemBrowser>().GetDatasetsAsync()).Single();
        var page = await database.Services.GetRequiredService<ItemBrowser>().GetPageAsync(new ItemQuery(new ItemFilter(dataset.Id, Search: "brake")));
        Assert.Equal(["a"], page.Rows.Select(r => r.ExternalId));
    }
}
