using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class LargeSearchTests(LargeCatalog catalog) : IClassFixture<LargeCatalog>
{
    private ItemFilter All => new(catalog.Dataset.Id);

    [Fact]
    public async Task Past_the_limit_the_count_stops_and_hits_come_in_data_set_order()
    {
        var first = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "common" }, PageSize: 5));
        var last = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "common" }, Page: 1_999, PageSize: 5));
        var beyond = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "common" }, Page: 2_000, PageSize: 5));

        Assert.Equal((ItemBrowser.SearchCountLimit, true), (first.TotalCount, first.CountIsCapped));
        Assert.Equal(["w0", "w1", "w2", "w3", "w4"], first.Rows.Select(r => r.ExternalId));
        Assert.Equal(["w9995", "w9996", "w9997", "w9998", "w9999"], last.Rows.Select(r => r.ExternalId));
        Assert.Empty(beyond.Rows);
    }

    [Fact]
    public async Task Past_the_limit_a_chosen_sort_still_orders_every_hit()
    {
        var expensive = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "common" }, ItemSortColumn.Price, Descending: true, PageSize: 3));

        var expected = Enumerable.Range(0, LargeCatalog.Size).OrderByDescending(LargeCatalog.PriceOf).ThenByDescending(n => n).Take(3).Select(n => $"w{n}");
        Assert.True(expensive.CountIsCapped);
        Assert.Equal(expected, expensive.Rows.Select(r => r.ExternalId));
    }

    [Fact]
    public async Task Within_the_limit_counts_are_exact()
    {
        var even = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "even" }));
        var testCommon = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "common", Split = Split.Test }, ItemSortColumn.Price));
        var toolsEven = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "even gadget", Category = "Tools", MaxPrice = 500 }));

        Assert.Equal((5_005, false), (even.TotalCount, even.CountIsCapped));
        Assert.Equal((1_001, false), (testCommon.TotalCount, testCommon.CountIsCapped));
        Assert.Equal(testCommon.Rows.Select(r => r.Price).Order(), testCommon.Rows.Select(r => r.Price));
        var expected = Enumerable.Range(0, LargeCatalog.Size).Count(n => n % 2 == 0 && n % 3 == 0 && LargeCatalog.PriceOf(n) <= 500);
        Assert.Equal(expected, toolsEven.TotalCount);
    }
}
