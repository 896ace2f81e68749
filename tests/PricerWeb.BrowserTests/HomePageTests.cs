using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class HomePageTests(ChromiumFixture chromium, AppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Home_page_renders_with_MudBlazor_styles_says_how_to_get_data_and_navigates_to_datasets()
    {
        await Page.GotoAsync("/");
        await Expect(Page.Page.Locator(".mud-appbar")).ToContainTextAsync("PricerWeb");

        // Theme-independent rules from MudBlazor.min.css; without the stylesheet the bar is a plain static block.
        var appBar = await Page.Page.Locator(".mud-appbar").EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.display, s.position, s.backgroundColor]; }");
        Assert.Equal("flex", appBar[0]);
        Assert.Equal("fixed", appBar[1]);
        Assert.NotEqual("rgba(0, 0, 0, 0)", appBar[2]);

        await Expect(Page.Page.GetByTestId("get-data")).ToBeVisibleAsync();

        await Page.Page.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).ClickAsync();
        await Page.Page.WaitForURLAsync(new Uri(App.BaseUrl, "/datasets").ToString());
        await Expect(Page.Page.GetByRole(AriaRole.Link, new() { Name = "Datasets" })).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await Expect(Page.Page.GetByTestId("no-datasets")).ToBeVisibleAsync();

        Page.AssertNoConsoleErrors();
    }
}
