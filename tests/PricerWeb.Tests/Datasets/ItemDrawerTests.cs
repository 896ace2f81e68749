using Bunit;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class ItemDrawerTests(FixtureCatalog catalog) : BrowserComponentTest(catalog)
{
    private async Task<long> IdOfAsync(string externalId)
    {
        var page = await Catalog.Browser.GetPageAsync(new ItemQuery(All));
        return page.Rows.Single(r => r.ExternalId == externalId).Id;
    }

    [Fact]
    public async Task Shows_the_item_with_its_details_as_a_table()
    {
        var id = await IdOfAsync("t0");

        var drawer = Render<ItemDrawer>(p => p.Add(d => d.ItemId, id));

        drawer.WaitForAssertion(() => Assert.Equal("USB-C Charging Cable 6ft", drawer.Find("[data-testid=item-drawer-title]").TextContent));
        Assert.Equal("$9.99", drawer.Find("[data-testid=item-price]").TextContent.Trim());
        Assert.Equal("Electronics", drawer.Find("[data-testid=item-category]").TextContent.Trim());
        Assert.Equal("train #0", drawer.Find("[data-testid=item-split]").TextContent.Trim());
        Assert.Equal("id t0", drawer.Find("[data-testid=item-id]").TextContent.Trim());
        Assert.Equal("USB-C Charging Cable 6ft\nBraided nylon cable that charges phones and tablets fast.", drawer.Find("[data-testid=item-text]").TextContent);
        var rows = drawer.FindAll("[data-testid=details-table] tr").Select(tr => (tr.Children[0].TextContent, tr.Children[1].TextContent)).ToList();
        Assert.Equal(
            [("Brand", "Anker"), ("Best Sellers Rank › Electronics", "1234"), ("Best Sellers Rank › Cables", "12"), ("Colors", "[\"black\", \"white\"]"), ("Discontinued", "false")],
            rows);
    }

    [Fact]
    public async Task Hostile_text_and_broken_details_are_shown_as_text()
    {
        var id = await IdOfAsync("t4");

        var drawer = Render<ItemDrawer>(p => p.Add(d => d.ItemId, id));

        drawer.WaitForAssertion(() => Assert.Equal("<script>alert('x')</script> Hostile Widget", drawer.Find("[data-testid=item-drawer-title]").TextContent));
        Assert.Empty(drawer.FindAll("script"));
        Assert.Empty(drawer.FindAll("[data-testid=item-text] b"));
        Assert.Equal("<script>alert('x')</script>\n<b>bold</b> & \"quoted\" text\n  indented line", drawer.Find("[data-testid=item-text]").TextContent);
        Assert.Equal("(no category)", drawer.Find("[data-testid=item-category]").TextContent.Trim());
        Assert.StartsWith("The details are not valid JSON", drawer.Find("[data-testid=details-problem]").TextContent.Trim());
        Assert.Equal("{\"Brand\": \"<b>Evil</b>\", ", drawer.Find("[data-testid=details-raw]").TextContent);
    }

    [Fact]
    public void An_unknown_item_is_reported()
    {
        var drawer = Render<ItemDrawer>(p => p.Add(d => d.ItemId, long.MaxValue));

        drawer.WaitForAssertion(() => Assert.Contains("does not exist", drawer.Find("[data-testid=item-missing]").TextContent));
    }

    [Fact]
    public async Task The_close_button_asks_to_close()
    {
        var closed = 0;
        var id = await IdOfAsync("s3");
        var drawer = Render<ItemDrawer>(p => p.Add(d => d.ItemId, id).Add(d => d.Closed, () => closed++));
        drawer.WaitForAssertion(() => Assert.NotNull(drawer.Find("[data-testid=item-drawer-close]")));

        drawer.Find("[data-testid=item-drawer-close]").Click();

        Assert.Equal(1, closed);
    }
}
