using Bunit;
using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class ItemFiltersTests(FixtureCatalog catalog) : BrowserComponentTest(catalog)
{
    private readonly List<ItemFilter> _asked = [];

    private IRenderedComponent<ItemFilters> RenderFilters(ItemFilter filter) => Render<ItemFilters>(p => p
        .Add(f => f.Filter, filter)
        .Add(f => f.Categories, ["", "Automotive", "Electronics"])
        .Add(f => f.FilterChanged, (ItemFilter f) => _asked.Add(f)));

    [Fact]
    public void Shows_the_filter_in_force()
    {
        var filters = RenderFilters(All with { Search = "brake pads", Split = Split.Test, MinPrice = 10, MaxPrice = 99.5 });

        Assert.Equal("brake pads", filters.Find("#item-search").GetAttribute("value"));
        Assert.Equal("10", filters.Find("#min-price").GetAttribute("value"));
        Assert.Equal("99.5", filters.Find("#max-price").GetAttribute("value"));
        Assert.Contains("mud-toggle-item-selected", filters.FindAll("[data-testid=split-filter] button").Single(b => b.TextContent.Trim() == "test").ClassName);
    }

    [Fact]
    public void Typing_a_search_asks_for_it_once_typing_pauses()
    {
        var filters = RenderFilters(All);

        filters.Find("#item-search").Input("usb cable");

        filters.WaitForAssertion(() => Assert.Equal([All with { Search = "usb cable" }], _asked));
    }

    [Fact]
    public void Choosing_a_split_asks_for_it()
    {
        var filters = RenderFilters(All);

        filters.FindAll("[data-testid=split-filter] button").Single(b => b.TextContent.Trim() == "validation").Click();

        Assert.Equal([All with { Split = Split.Validation }], _asked);
    }

    [Fact]
    public void Choosing_a_category_asks_for_it()
    {
        var filters = RenderFilters(All);

        filters.Find("div.mud-input-control.mud-select").MouseDown();
        Popovers.WaitForAssertion(() => Assert.Equal(["All categories", "(no category)", "Automotive", "Electronics"], Popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));
        Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "(no category)").Click();

        filters.WaitForAssertion(() => Assert.Equal([All with { Category = "" }], _asked));
    }

    [Fact]
    public void A_price_range_is_asked_for_and_a_reversed_one_is_refused()
    {
        var filters = RenderFilters(All);

        filters.Find("#min-price").Change("100");
        filters.Find("#max-price").Change("50");

        Assert.Equal([All with { MinPrice = 100 }], _asked);
        Assert.Equal("true", filters.Find("#max-price").GetAttribute("aria-invalid"));
        Assert.Equal("The highest price is below the lowest.", filters.Find("[data-testid=price-range-error]").TextContent);
    }

    [Fact]
    public void Clear_asks_for_the_whole_data_set()
    {
        var filters = RenderFilters(All with { Search = "usb", Split = Split.Test, Category = "Electronics", MinPrice = 1 });

        filters.Find("[data-testid=clear-filters]").Click();

        Assert.Equal([All], _asked);
    }
}
