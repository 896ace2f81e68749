using Microsoft.Extensions.DependencyInjection;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

/// <summary>The course's 10,948 real items from ../shared/data/items as data set "items", when that folder exists.</summary>
public sealed class SharedCatalog : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public Dataset Items { get; private set; } = default!;

    public ItemBrowser Browser => Database.Services.GetRequiredService<ItemBrowser>();
    public ItemStatisticsReader Statistics => Database.Services.GetRequiredService<ItemStatisticsReader>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        if (SharedData.Available) Items = await Database.AddDatasetAsync("items", ItemsJsonl.ReadSharedItems());
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
