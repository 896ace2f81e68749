using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class ItemStatisticsTests(FixtureCatalog catalog) : IClassFixture<FixtureCatalog>
{
    // Sorted fixture prices: 5.49 9.99 12.49 15.99 19.95 24.99 45.00 79.99 89.00 159.00 249.50 399.00 (sum 1110.39).
    // Percentiles interpolate between ranks: p at rank (n - 1) * p, e.g. the median at rank 5.5 = (24.99 + 45.00) / 2.
    [Fact]
    public async Task Whole_data_set_matches_hand_computed_figures()
    {
        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Fixture.Id, null);

        Assert.Equal(12, stats.Count);
        Assert.Equal(new Dictionary<Split, int> { [Split.Train] = 6, [Split.Validation] = 2, [Split.Test] = 4 }, stats.SplitCounts);
        var prices = stats.Prices!;
        Assert.Equal(1110.39 / 12, prices.Mean, 9);
        Assert.Equal((5.49, 399.00), (prices.Min, prices.Max));
        Assert.Equal(7.965, prices.P5, 9);
        Assert.Equal(15.115, prices.P25, 9);
        Assert.Equal(34.995, prices.Median, 9);
        Assert.Equal(106.5, prices.P75, 9);
        Assert.Equal(316.775, prices.P95, 9);
    }

    [Fact]
    public async Task Counts_categories_largest_first_then_by_name()
    {
        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Fixture.Id, null);

        Assert.Equal(
            [new("Electronics", 3), new("Automotive", 2), new("Musical_Instruments", 2), new("Tools_and_Home_Improvement", 2),
             new("", 1), new("Appliances", 1), new("Office_Products", 1)],
            stats.CategoryCounts);
    }

    [Fact]
    public async Task One_split_describes_only_its_items_but_keeps_every_split_count()
    {
        // Test prices: 15.99 45.00 79.99 399.00.
        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Fixture.Id, Split.Test);

        Assert.Equal(4, stats.Count);
        Assert.Equal(12, stats.SplitCounts.Values.Sum());
        Assert.Equal([new("Automotive", 2), new("Electronics", 1), new("Musical_Instruments", 1)], stats.CategoryCounts);
        Assert.Equal(134.995, stats.Prices!.Mean, 9);
        Assert.Equal(62.495, stats.Prices.Median, 9);
        Assert.Equal(15.99 + 0.15 * (45.00 - 15.99), stats.Prices.P5, 9);
        Assert.Equal(79.99 + 0.85 * (399.00 - 79.99), stats.Prices.P95, 9);
    }

    [Fact]
    public async Task Histograms_cover_every_item_in_round_bins()
    {
        var prices = (await catalog.Statistics.GetStatisticsAsync(catalog.Fixture.Id, null)).Prices!;

        // Range 5.49..399: width 10 (393.51 / 40 = 9.84 rounds up to 10), bins from $0 to $400.
        Assert.Equal(40, prices.Linear.Count);
        Assert.Equal((0, 10), (prices.Linear[0].From, prices.Linear[0].To));
        Assert.Equal(400, prices.Linear[^1].To, 9);
        Assert.Equal(12, prices.Linear.Sum(b => b.Count));
        Assert.Equal(2, prices.Linear[0].Count);   // 5.49, 9.99
        Assert.Equal(3, prices.Linear[1].Count);   // 12.49, 15.99, 19.95
        Assert.Equal(1, prices.Linear[39].Count);  // 399.00

        // Ten bins a decade from 10^0.7 = $5.01 to 10^2.7 = $501.
        Assert.Equal(20, prices.Logarithmic.Count);
        Assert.Equal(Math.Pow(10, 0.7), prices.Logarithmic[0].From, 9);
        Assert.Equal(12, prices.Logarithmic.Sum(b => b.Count));
        Assert.All(prices.Logarithmic.Zip(prices.Logarithmic.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From, 9));
        var expected = catalog.Items.Count(i => i.Price >= prices.Logarithmic[10].From && i.Price < prices.Logarithmic[10].To);
        Assert.Equal(expected, prices.Logarithmic[10].Count);
    }

    [Fact]
    public async Task An_empty_selection_has_counts_but_no_prices()
    {
        var stats = await catalog.Statistics.GetStatisticsAsync(-1, null);

        Assert.Equal(0, stats.Count);
        Assert.Empty(stats.CategoryCounts);
        Assert.Null(stats.Prices);
        Assert.All(stats.SplitCounts.Values, c => Assert.Equal(0, c));
    }

    [Fact]
    public async Task A_single_item_has_every_percentile_at_its_price()
    {
        var stats = await catalog.Statistics.GetStatisticsAsync(catalog.Other.Id, Split.Test);

        var prices = stats.Prices!;
        Assert.Equal([19.99, 19.99, 19.99, 19.99, 19.99, 19.99, 19.99, 19.99], [prices.Mean, prices.Min, prices.P5, prices.P25, prices.Median, prices.P75, prices.P95, prices.Max]);
        Assert.Equal(1, prices.Linear.Sum(b => b.Count));
        Assert.Equal(1, prices.Logarithmic.Sum(b => b.Count));
    }
}
