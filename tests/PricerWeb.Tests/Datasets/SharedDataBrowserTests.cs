using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

/// <summary>The browser's queries on the course's real items; expected figures were computed from the files with Python.</summary>
public class SharedDataBrowserTests(SharedCatalog catalog) : IClassFixture<SharedCatalog>
{
    private ItemFilter All => new(catalog.Items.Id);

    [SkippableFact]
    public async Task Splits_hold_7948_1000_and_2000_items_in_file_order()
    {
        SharedData.Require();

        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Items.Id, null);
        var firstTest = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Split = Split.Test }, PageSize: 2));

        Assert.Equal(new Dictionary<Split, int> { [Split.Train] = 7_948, [Split.Validation] = 1_000, [Split.Test] = 2_000 }, stats.SplitCounts);
        Assert.Equal(10_948, stats.Count);
        Assert.Equal(["153a5533629952f0", "680bf9ceed23ba0e"], firstTest.Rows.Select(r => r.ExternalId));
        Assert.Equal(2_000, firstTest.TotalCount);
    }

    [SkippableFact]
    public async Task Test_split_has_the_published_mean_and_median()
    {
        SharedData.Require();

        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Items.Id, Split.Test);

        var prices = stats.Prices!;
        Assert.Equal(221.656075, prices.Mean, 6);
        Assert.Equal(174.0, prices.Median, 9);
        Assert.Equal((17.465, 84.7625, 299.9125, 599.99), (Math.Round(prices.P5, 4), Math.Round(prices.P25, 4), Math.Round(prices.P75, 4), Math.Round(prices.P95, 4)));
        Assert.Equal((0.96, 997.99), (prices.Min, prices.Max));
        Assert.Equal(new CategoryCount("Automotive", 736), stats.CategoryCounts[0]);
        Assert.Equal(2_000, prices.Linear.Sum(b => b.Count));
        Assert.Equal(2_000, prices.Logarithmic.Sum(b => b.Count));
    }

    [SkippableFact]
    public async Task Training_categories_include_items_without_one()
    {
        SharedData.Require();

        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Items.Id, Split.Train);
        var none = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Split = Split.Train, Category = "" }));

        Assert.Equal(new CategoryCount("Software", 2_345), stats.CategoryCounts[0]);
        Assert.Contains(new CategoryCount("", 868), stats.CategoryCounts);
        Assert.Equal(868, none.TotalCount);
    }

    [SkippableFact]
    public async Task Search_counts_match_the_words_in_the_files()
    {
        SharedData.Require();

        // A finished word matches itself; an unfinished one ("guit" is no word of these items) every word it starts.
        Assert.Equal(538, (await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "guitar" }))).TotalCount);
        Assert.Equal(574, (await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "guit" }))).TotalCount);
        Assert.Equal(29, (await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "Guitar", Split = Split.Test }))).TotalCount);
        Assert.Equal(243, (await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "usb" }))).TotalCount);
        var clutch = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "motorcraft fan clutch" }));
        Assert.Equal(["680bf9ceed23ba0e"], clutch.Rows.Select(r => r.ExternalId));
    }

    [SkippableFact]
    public async Task Price_sorted_pages_walk_the_split_in_order()
    {
        SharedData.Require();

        var filter = All with { Split = Split.Test, MinPrice = 100, MaxPrice = 200 };
        var prices = new List<double>();
        ItemPage page;
        var number = 0;
        do
        {
            page = await catalog.Browser.GetPageAsync(new ItemQuery(filter, ItemSortColumn.Price, Descending: true, Page: number++, PageSize: 100));
            prices.AddRange(page.Rows.Select(r => r.Price));
        }
        while (page.Rows.Count > 0);

        Assert.Equal(page.TotalCount, prices.Count);
        Assert.Equal(prices.OrderDescending(), prices);
        Assert.All(prices, p => Assert.InRange(p, 100, 200));
    }
}
