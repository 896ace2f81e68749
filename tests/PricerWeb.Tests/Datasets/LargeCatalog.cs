using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

/// <summary>
/// 10,010 generated items (every tenth a test item) that all say "common" and, by parity, "even" or "odd": enough hits
/// to pass <see cref="ItemBrowser.SearchCountLimit"/>.
/// </summary>
public sealed class LargeCatalog : IAsyncLifetime
{
    public const int Size = 10_010;

    public TestDatabase Database { get; private set; } = default!;
    public Dataset Dataset { get; private set; } = default!;
    public ItemBrowser Browser => Database.Services.GetRequiredService<ItemBrowser>();

    public static double PriceOf(int n) => 1 + n * 7_919 % 10_007 / 10.0;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var items = Enumerable.Range(0, Size).Select(n => new Item(
            $"w{n}", n % 10 == 0 ? Split.Test : Split.Train, $"Widget {n}", n % 3 == 0 ? "Tools" : "Toys", PriceOf(n),
            $"Widget {n}\nA common gadget, {(n % 2 == 0 ? "even" : "odd")} numbered.", "", null, "generated"));
        Dataset = await Database.AddDatasetAsync("large", items);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
