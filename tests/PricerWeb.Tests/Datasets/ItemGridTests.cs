using Bunit;
using Pricer.Core.Items;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class ItemGridTests(FixtureCatalog catalog) : BrowserComponentTest(catalog)
{
    private static List<string> Titles(IRenderedComponent<ItemGrid> grid) =>
        grid.FindAll("[data-testid=item-title]").Select(e => e.TextContent).ToList();

    [Fact]
    public void Shows_the_filtered_items_in_source_order()
    {
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All));

        grid.WaitForAssertion(() => Assert.Equal(Catalog.Items.Select(i => i.Title), Titles(grid)));
        Assert.Contains("$9.99", grid.Find("tr.item-row").TextContent);
        Assert.Equal("12 items", grid.Find("[data-testid=item-count]").TextContent);
    }

    [Fact]
    public void A_new_split_or_search_queries_again()
    {
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All));
        grid.WaitForAssertion(() => Assert.Equal(12, Titles(grid).Count));

        grid.Render(p => p.Add(g => g.Filter, All with { Split = Split.Test }));
        grid.WaitForAssertion(() => Assert.Equal(["Brake Pads Ceramic Front", "Car Battery Charger", "USB Wall Charger 2-Pack", "Synthesizer Keyboard 61 Keys"], Titles(grid)));

        grid.Render(p => p.Add(g => g.Filter, All with { Search = "usb" }));
        grid.WaitForAssertion(() => Assert.Equal(["USB Wall Charger 2-Pack", "USB-C Charging Cable 6ft", "Wireless Mouse"], Titles(grid).Order()));
        Assert.Equal("3 matches", grid.Find("[data-testid=item-count]").TextContent);
    }

    [Fact]
    public void Says_so_when_nothing_matches()
    {
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All with { Search = "no-such-word-anywhere" }));

        grid.WaitForAssertion(() => Assert.Equal("No items match these filters.", grid.Find("[data-testid=no-items]").TextContent));
    }

    [Fact]
    public void Clicking_a_row_selects_its_item()
    {
        ItemRow? selected = null;
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All with { Split = Split.Validation }).Add(g => g.ItemSelected, (ItemRow row) => selected = row));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("tr.item-row").Count));

        grid.FindAll("tr.item-row")[1].Click();

        grid.WaitForAssertion(() => Assert.Equal(("v1", "Tape Measure 25ft"), (selected?.ExternalId, selected?.Title)));
    }

    [Fact]
    public void Sorting_by_the_price_header_asks_the_server_for_that_order()
    {
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All with { Split = Split.Test }));
        grid.WaitForAssertion(() => Assert.Equal(4, Titles(grid).Count));

        grid.FindAll("th").Single(th => th.TextContent.Contains("Price")).QuerySelector(".sortable-column-header")!.Click();

        grid.WaitForAssertion(() => Assert.Equal(["USB Wall Charger 2-Pack", "Brake Pads Ceramic Front", "Car Battery Charger", "Synthesizer Keyboard 61 Keys"], Titles(grid)));
    }

    [Fact]
    public void Hostile_titles_are_text()
    {
        var grid = Render<ItemGrid>(p => p.Add(g => g.Filter, All with { Category = "" }));

        grid.WaitForAssertion(() => Assert.Equal(["<script>alert('x')</script> Hostile Widget"], Titles(grid)));
        Assert.Empty(grid.FindAll("script"));
        Assert.Contains("&lt;script&gt;", grid.Markup);
    }
}
