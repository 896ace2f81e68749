using Microsoft.Extensions.DependencyInjection;
using Pricer.Bench.Measurement;
using Pricer.Bench.Synthetic;
using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;

namespace Pricer.Bench.Benches;

/// <summary>What the dataset browser asks for, through its own query service, over the imported items.</summary>
internal static class BrowseBench
{
    private const int WarmUp = 5;
    private const int Samples = 100;
    private const double PageTargetMs = 50;
    private const double SearchTargetMs = 200;

    /// <summary>Things a person types: common and rare words, pairs, a prefix still being typed.</summary>
    private static readonly string[] Searches =
    [
        "wireless", "stainless steel", "guitar string", "usb cable", "brake pad", "bluetooth speaker", "drill bit",
        "replacement filter", "led light", "phone case", "waterproof", "thermostat", "keyboard mouse", "ukulele",
        "microw", "black", "rechargeable battery", "tempered glass screen protector", "kalomi", "SynAbc",
    ];

    public static async Task RunAsync(BenchDatabase database, ResultTable results)
    {
        var browser = database.Services.GetRequiredService<ItemBrowser>();
        var dataset = (await browser.GetDatasetsAsync()).Single(d => d.Name == ImportBench.DatasetName);
        var categories = SyntheticVocabulary.Categories.Where(c => c.Length > 0).ToArray();
        var random = new Random(7);

        var pages = new Latencies();
        var matched = 0L;
        for (var n = 0; n < WarmUp + Samples; n++)
        {
            var low = Math.Round(5 + random.NextDouble() * 200, 2);
            var filter = new ItemFilter(dataset.Id, Split.Train, categories[random.Next(categories.Length)], low, low * 4);
            var query = new ItemQuery(filter, n % 2 == 0 ? ItemSortColumn.Price : ItemSortColumn.Category,
                Descending: n % 3 == 0, Page: random.Next(20), PageSize: 50);
            var page = n < WarmUp ? await browser.GetPageAsync(query) : await pages.TimeAsync(() => browser.GetPageAsync(query));
            if (n >= WarmUp) matched += page.TotalCount;
        }

        var searches = new Latencies();
        var slowest = (Text: "", Ms: 0.0);
        for (var n = 0; n < WarmUp + Samples; n++)
        {
            var text = Searches[n % Searches.Length];
            var query = new ItemQuery(new ItemFilter(dataset.Id, Search: text));
            if (n < WarmUp)
            {
                await browser.GetPageAsync(query);
                continue;
            }
            var before = System.Diagnostics.Stopwatch.GetTimestamp();
            await searches.TimeAsync(() => browser.GetPageAsync(query));
            var ms = System.Diagnostics.Stopwatch.GetElapsedTime(before).TotalMilliseconds;
            if (ms > slowest.Ms) slowest = (text, ms);
        }

        var items = dataset.TotalCount;
        results.Add("browse", $"filtered sorted page over {items:N0}: p50", pages.Percentile(50), "ms");
        results.Add("browse", "filtered sorted page: p95", pages.Percentile(95), "ms", PageTargetMs);
        results.Add("browse", $"filtered page: mean matches ({Samples} queries)", (double)matched / Samples, "items");
        results.Add("browse", $"text search over {items:N0}: p50", searches.Percentile(50), "ms");
        results.Add("browse", "text search: p95", searches.Percentile(95), "ms", SearchTargetMs);
        results.Add("browse", $"slowest search: \"{slowest.Text}\"", slowest.Ms, "ms");
    }
}
