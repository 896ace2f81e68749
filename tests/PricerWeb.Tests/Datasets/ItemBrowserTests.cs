using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class ItemBrowserTests(FixtureCatalog catalog) : IClassFixture<FixtureCatalog>
{
    private ItemFilter All => new(catalog.Fixture.Id);

    private async Task<List<string>> IdsAsync(ItemQuery query) =>
        (await catalog.Browser.GetPageAsync(query)).Rows.Select(r => r.ExternalId).ToList();

    [Fact]
    public async Task Lists_data_sets_by_name_with_their_split_counts()
    {
        var datasets = await catalog.Browser.GetDatasetsAsync();

        Assert.Equal(["fixture", "other"], datasets.Select(d => d.Name));
        Assert.Equal((6, 2, 4), (datasets[0].TrainCount, datasets[0].ValidationCount, datasets[0].TestCount));
    }

    [Fact]
    public async Task First_page_is_in_source_order_split_by_split_with_the_total()
    {
        var page = await catalog.Browser.GetPageAsync(new ItemQuery(All, PageSize: 5));

        Assert.Equal(12, page.TotalCount);
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], page.Rows.Select(r => r.ExternalId));
        var first = page.Rows[0];
        Assert.Equal((Split.Train, 0, "USB-C Charging Cable 6ft", "Electronics", 9.99), (first.Split, first.Position, first.Title, first.Category, first.Price));
    }

    [Fact]
    public async Task Pages_cover_every_item_once_and_a_page_past_the_end_is_empty()
    {
        var seen = new List<string>();
        for (var page = 0; page < 3; page++)
            seen.AddRange(await IdsAsync(new ItemQuery(All, ItemSortColumn.Price, Page: page, PageSize: 5)));

        Assert.Equal(catalog.Items.OrderBy(i => i.Price).Select(i => i.Id), seen);
        var beyond = await catalog.Browser.GetPageAsync(new ItemQuery(All, Page: 3, PageSize: 5));
        Assert.Empty(beyond.Rows);
        Assert.Equal(12, beyond.TotalCount);
    }

    [Fact]
    public async Task Page_size_is_kept_between_1_and_the_maximum()
    {
        Assert.Single(await IdsAsync(new ItemQuery(All, PageSize: 0)));
        Assert.Equal(12, (await IdsAsync(new ItemQuery(All, PageSize: 1_000_000))).Count);
        Assert.Equal(["t0", "t1"], await IdsAsync(new ItemQuery(All, Page: -4, PageSize: 2)));
    }

    [Theory]
    [InlineData(Split.Train, new[] { "t0", "t1", "t2", "t3", "t4", "t5" })]
    [InlineData(Split.Validation, new[] { "v0", "v1" })]
    [InlineData(Split.Test, new[] { "s0", "s1", "s2", "s3" })]
    public async Task Filters_by_split(Split split, string[] expected)
    {
        var page = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Split = split }));

        Assert.Equal(expected, page.Rows.Select(r => r.ExternalId));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public async Task Filters_by_category_and_by_having_none()
    {
        Assert.Equal(["t0", "v0", "s2"], await IdsAsync(new ItemQuery(All with { Category = "Electronics" })));
        Assert.Equal(["t4"], await IdsAsync(new ItemQuery(All with { Category = "" })));
        Assert.Empty(await IdsAsync(new ItemQuery(All with { Category = "electronics" })));
    }

    [Fact]
    public async Task Price_range_includes_both_ends()
    {
        var ids = await IdsAsync(new ItemQuery(All with { MinPrice = 15.99, MaxPrice = 45.00 }, ItemSortColumn.Price));

        Assert.Equal(["s2", "t4", "v0", "s0"], ids);
        Assert.Equal(["s3"], await IdsAsync(new ItemQuery(All with { MinPrice = 300 })));
        Assert.Equal(["t2"], await IdsAsync(new ItemQuery(All with { MaxPrice = 5.49 })));
        Assert.Empty(await IdsAsync(new ItemQuery(All with { MinPrice = 100, MaxPrice = 50 })));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var filter = All with { Split = Split.Test, Category = "Automotive", MinPrice = 50 };

        Assert.Equal(["s1"], await IdsAsync(new ItemQuery(filter)));
    }

    [Fact]
    public async Task Sorts_by_price_both_ways_and_by_category_then_price()
    {
        var byPrice = catalog.Items.OrderBy(i => i.Price).Select(i => i.Id).ToList();
        Assert.Equal(byPrice, await IdsAsync(new ItemQuery(All, ItemSortColumn.Price)));
        Assert.Equal(byPrice.AsEnumerable().Reverse(), await IdsAsync(new ItemQuery(All, ItemSortColumn.Price, Descending: true)));

        var byCategory = catalog.Items.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Price).Select(i => i.Id);
        Assert.Equal(byCategory, await IdsAsync(new ItemQuery(All, ItemSortColumn.Category)));
        Assert.Equal(["s3", "s2", "s1", "s0"], await IdsAsync(new ItemQuery(All with { Split = Split.Test }, ItemSortColumn.Position, Descending: true)));
    }

    [Fact]
    public async Task Search_needs_every_word_in_title_or_text_and_stays_in_its_data_set()
    {
        Assert.Equal(["t0", "v0", "s2"], await IdsAsync(new ItemQuery(All with { Search = "usb" }, ItemSortColumn.Position)));
        Assert.Equal(["s2"], await IdsAsync(new ItemQuery(All with { Search = "USB wall" })));
        Assert.Equal(["v0"], await IdsAsync(new ItemQuery(All with { Search = "receiver" })));
        Assert.Equal(["o0"], await IdsAsync(new ItemQuery(new ItemFilter(catalog.Other.Id, Search: "hub"))));
    }

    [Fact]
    public async Task Search_matches_an_unfinished_last_word_as_a_prefix_and_ignores_accents_and_case()
    {
        Assert.Equal(["t0", "t1", "s1", "s2"], await IdsAsync(new ItemQuery(All with { Search = "charg" }, ItemSortColumn.Position)));
        Assert.Empty(await IdsAsync(new ItemQuery(All with { Search = "charg " })));
        Assert.Equal(["t0", "t1", "s1", "s2"], await IdsAsync(new ItemQuery(All with { Search = "charge" }, ItemSortColumn.Position)));
        Assert.Equal(["t3"], await IdsAsync(new ItemQuery(All with { Search = "CAFE" })));
        Assert.Equal(["s3"], await IdsAsync(new ItemQuery(All with { Search = "uber STRAßE" })));
        Assert.Equal(["s3"], await IdsAsync(new ItemQuery(All with { Search = "日本語" })));
    }

    [Fact]
    public async Task A_last_word_that_the_index_knows_is_not_a_prefix()
    {
        // "charger" is a word of the index, so "charges" and "charging" (t0) do not match it.
        Assert.Equal(["t1", "s1", "s2"], await IdsAsync(new ItemQuery(All with { Search = "charger" }, ItemSortColumn.Position)));
        Assert.Equal(["t0", "t1", "s1", "s2"], await IdsAsync(new ItemQuery(All with { Search = "charg" }, ItemSortColumn.Position)));
    }

    [Fact]
    public async Task Search_ranks_the_best_match_first_by_default()
    {
        // "USB" is in the short s2 three times and in v0's text only once.
        var ids = await IdsAsync(new ItemQuery(All with { Search = "usb" }));

        Assert.Equal(3, ids.Count);
        Assert.Equal("s2", ids[0]);
        Assert.Equal("v0", ids[^1]);
    }

    [Fact]
    public async Task Search_combines_with_filters_and_sorting()
    {
        var page = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = "usb", Split = Split.Test }));
        Assert.Equal(["s2"], page.Rows.Select(r => r.ExternalId));
        Assert.Equal(1, page.TotalCount);

        Assert.Equal(["v0", "s2", "t0"], await IdsAsync(new ItemQuery(All with { Search = "usb" }, ItemSortColumn.Price, Descending: true)));
    }

    public static TheoryData<string> HostileSearches => new()
    {
        "\"", "\"\"", "\"usb", "usb\"", "'", "' OR 1=1 --", "usb'; DROP TABLE Items; --", "(", ")", "(usb", "usb)", "()",
        "usb AND", "AND", "OR usb", "NOT", "usb NOT cable", "NEAR(usb cable)", "NEAR", "usb NEAR/2 cable", "*", "usb*", "*usb",
        "-", "-usb", "usb -cable", "^usb", "+usb", "title:usb", "{title}: usb", "ItemSearch", "rank", "\\", "%", "_", ":", ";",
        "\0", "usb\0cable", "\u00A0", "🔌", "usb 🔌", "\uD83D", "ÜBER", "日本語", "ﬁ", new string('a', 10_000),
        string.Join(' ', Enumerable.Repeat("usb", 5_000)), string.Concat(Enumerable.Repeat("(\"*) ", 2_000)),
    };

    [Theory]
    [MemberData(nameof(HostileSearches))]
    public async Task Any_search_text_runs_as_plain_words(string search)
    {
        var page = await catalog.Browser.GetPageAsync(new ItemQuery(All with { Search = search }));

        Assert.Equal(page.Rows.Count, page.TotalCount);
        Assert.All(page.Rows, r => Assert.Contains(r.ExternalId, catalog.Items.Select(i => i.Id)));
    }

    [Theory]
    [InlineData("\"usb\"", new[] { "t0", "v0", "s2" })]
    [InlineData("usb AND cable", new[] { "t0" })]
    [InlineData("(usb)", new[] { "t0", "v0", "s2" })]
    [InlineData("-usb", new[] { "t0", "v0", "s2" })]
    [InlineData("usb*", new[] { "t0", "v0", "s2" })]
    [InlineData("NEAR(usb cable)", new string[0])]
    [InlineData("*", null)]
    [InlineData("' OR 1=1 --", new string[0])]
    public async Task Search_syntax_characters_are_text_not_operators(string search, string[]? expected)
    {
        var ids = await IdsAsync(new ItemQuery(All with { Search = search }, ItemSortColumn.Position));

        // "*" has no word to search for, so it filters nothing; "AND" is a word only t0 also has.
        Assert.Equal(expected ?? catalog.Items.Select(i => i.Id).ToArray(), ids);
    }

    [Fact]
    public async Task Gets_one_item_with_text_and_details()
    {
        var row = (await catalog.Browser.GetPageAsync(new ItemQuery(All with { Category = "" }))).Rows.Single();

        var item = await catalog.Browser.GetItemAsync(row.Id);

        Assert.NotNull(item);
        Assert.Equal("<script>alert('x')</script> Hostile Widget", item.Title);
        Assert.StartsWith("<script>", item.Text);
        Assert.Equal("{\"Brand\": \"<b>Evil</b>\", ", item.Details);
        Assert.Null(await catalog.Browser.GetItemAsync(long.MaxValue));
    }

    [Fact]
    public async Task Categories_are_distinct_and_ordered_with_none_first()
    {
        var categories = await catalog.Browser.GetCategoriesAsync(catalog.Fixture.Id);

        Assert.Equal(["", "Appliances", "Automotive", "Electronics", "Musical_Instruments", "Office_Products", "Tools_and_Home_Improvement"], categories);
        Assert.Equal(["Electronics"], await catalog.Browser.GetCategoriesAsync(catalog.Other.Id));
        Assert.Empty(await catalog.Browser.GetCategoriesAsync(-1));
    }
}
