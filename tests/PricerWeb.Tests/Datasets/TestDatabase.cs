using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

/// <summary>A real SQLite file in a scratch folder, migrated and wired as the app wires it, that tests fill with items.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public TestDatabase()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder.Path })
            .Build();
        _services = new ServiceCollection().AddPricerData(configuration, _folder.Path).BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public IDbContextFactory<PricerDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<PricerDbContext>>();

    public string DataDirectory => _folder.Path;

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database._services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return database;
    }

    /// <summary>Stores the items as a data set, each split in the given order, and indexes them for search as the importer does.</summary>
    public async Task<Dataset> AddDatasetAsync(string name, IEnumerable<Item> items)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var list = items.ToList();
        var dataset = new Dataset
        {
            Name = name,
            Source = "test",
            ImportedAt = DateTimeOffset.UtcNow,
            TrainCount = list.Count(i => i.Split == Split.Train),
            ValidationCount = list.Count(i => i.Split == Split.Validation),
            TestCount = list.Count(i => i.Split == Split.Test),
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();

        var positions = new Dictionary<Split, int>();
        foreach (var item in list)
        {
            var position = positions.GetValueOrDefault(item.Split);
            positions[item.Split] = position + 1;
            db.Items.Add(new ItemRecord
            {
                DatasetId = dataset.Id, ExternalId = item.Id, Split = item.Split, Position = position, Title = item.Title,
                Category = item.Category, Price = item.Price, Text = item.Text, Details = item.Details, Weight = item.Weight,
                Source = item.Source,
            });
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO ItemSearch(rowid, Title, Text) SELECT Id, Title, Text FROM Items WHERE DatasetId = {dataset.Id}");
        return dataset;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
