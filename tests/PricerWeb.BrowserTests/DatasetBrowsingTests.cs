using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class DatasetBrowsingTests(ChromiumFixture chromium, CourseItemsAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<CourseItemsAppFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions ImportTimeout = new() { Timeout = 180_000 };

    [Fact]
    public async Task Start_up_import_finishes_then_browse_search_and_open_an_item_in_the_drawer()
    {
        var page = Page.Page;
        await Page.GotoAsync("/import");
        var job = page.GetByTestId("import-job").Filter(new() { HasText = CourseItemsAppFixture.DatasetName });
        await Expect(job.GetByTestId("job-status")).ToHaveTextAsync("Succeeded", ImportTimeout);

        await job.GetByTestId("browse-dataset").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/datasets/{CourseItemsAppFixture.DatasetName}"));
        await Page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("dataset-picker"))
            .ToHaveValueAsync($"{CourseItemsAppFixture.DatasetName} · {CourseItemsAppFixture.ExpectedItems:N0} items");
        var titles = page.GetByTestId("item-title");
        await Expect(titles.First).ToBeVisibleAsync();
        // The pager says "1-25 of N": the search has applied once N is no longer every item.
        var pagerInfo = page.Locator(".mud-table-pagination-caption").Last;
        var everyItem = new Regex($@"of ({CourseItemsAppFixture.ExpectedItems}|{CourseItemsAppFixture.ExpectedItems:N0})\b");
        await Expect(pagerInfo).ToHaveTextAsync(everyItem);

        await page.Locator("#item-search").FillAsync("guitar");
        await page.WaitForURLAsync(new Regex(@"[?&]q=guitar"));
        await Expect(pagerInfo).Not.ToHaveTextAsync(everyItem);
        await Expect(page.GetByTestId("no-items")).ToHaveCountAsync(0);
        await Expect(titles.First).ToBeVisibleAsync();
        Assert.InRange(await titles.CountAsync(), 1, 25);

        var firstTitle = (await titles.First.TextContentAsync())!.Trim();
        await titles.First.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]item=\d+"));
        var drawer = page.GetByTestId("item-drawer");
        await Expect(drawer.GetByTestId("item-drawer-title")).ToHaveTextAsync(firstTitle);
        await Expect(drawer.GetByTestId("item-price")).ToHaveTextAsync(new Regex(@"^\$[\d,]+\.\d\d$"));
        var itemText = (await drawer.GetByTestId("item-drawer-title").TextContentAsync()) + " " + (await drawer.GetByTestId("item-text").TextContentAsync());
        Assert.Contains("guitar", itemText, StringComparison.OrdinalIgnoreCase);

        await drawer.GetByTestId("item-drawer-close").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("item="));
        await Expect(drawer.GetByTestId("item-drawer-title")).ToHaveCountAsync(0);

        Page.AssertNoConsoleErrors();
    }
}
