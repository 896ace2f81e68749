using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class LlmRunFlowTests(ChromiumFixture chromium, LlmAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<LlmAppFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions RunTime = new() { Timeout = 60_000 };

    [Fact]
    public async Task Start_an_llm_run_watch_it_progress_and_find_it_on_the_leaderboard()
    {
        var page = Page.Page;
        await Page.GotoAsync("/import");
        await page.GetByTestId("browse-dataset").WaitForAsync(new() { Timeout = 180_000 });
        await Page.GotoAsync("/llm");
        await Page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("dataset-picker")).ToHaveValueAsync($"{LlmAppFixture.Dataset} · 10 items");
        await Expect(page.GetByTestId("llm-provider-details")).ToContainTextAsync(LlmAppFixture.Model);
        await Expect(page.GetByTestId("llm-provider-details")).ToContainTextAsync($"key: environment variable {LlmAppFixture.KeyVariable}");
        await page.Locator("input[data-testid=llm-name], [data-testid=llm-name] input").FillAsync("browser llm run");

        await page.GetByTestId("llm-start").ClickAsync();

        var progress = page.GetByTestId("llm-progress");
        await Expect(progress).ToContainTextAsync("browser llm run");
        await Expect(page.GetByTestId("llm-message")).ToContainTextAsync("of 3 priced", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("llm-status")).ToHaveTextAsync("Succeeded", RunTime);
        await Expect(page.GetByTestId("llm-message")).ToContainTextAsync("3 of 3 priced");
        Assert.Equal(3, app.Server.Requests.Count);
        Assert.All(app.Server.Requests, r => Assert.Equal($"Bearer {app.ApiKey}", r.Authorization));
        Assert.DoesNotContain(app.ApiKey, await page.ContentAsync());

        await page.GetByTestId("llm-leaderboard-link").ClickAsync();
        await Expect(page.GetByTestId("run-row").Filter(new() { HasText = "browser llm run" })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Page.AssertNoConsoleErrors();
    }
}
