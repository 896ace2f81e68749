using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

/// <summary>
/// tests/fixtures/browser/items.jsonl (12 items: 6 train, 2 validation, 4 test) as data set "fixture", beside a
/// data set "other" whose items also say "USB", so that every query must keep to its own data set.
/// </summary>
public sealed class FixtureCatalog : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public Dataset Fixture { get; private set; } = default!;
    public Dataset Other { get; private set; } = default!;
    public IReadOnlyList<Item> Items { get; } = ItemsJsonl.Read(ItemsJsonl.Fixture);

    public ItemBrowser Browser => Database.Services.GetRequiredService<ItemBrowser>();
    public ItemStatisticsReader Statistics => Database.Services.GetRequiredService<ItemStatisticsReader>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Other = await Database.AddDatasetAsync("other",
        [
            new Item("o0", Split.Test, "USB Hub 4-Port", "Electronics", 19.99, "USB Hub 4-Port\nPowered USB hub.", "", null, "fixture"),
            new Item("o1", Split.Train, "USB Flash Drive", "Electronics", 7.50, "USB Flash Drive\n64 GB.", "", null, "fixture"),
        ]);
        Fixture = await Database.AddDatasetAsync("fixture", Items);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
