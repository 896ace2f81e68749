using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class TrainingRunFlowTests(ChromiumFixture chromium, FixtureItemsAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<FixtureItemsAppFixture>
{
    private const string RunName = "browser tiny run";
    private const int Epochs = 12;
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);
    private static readonly LocatorAssertionsToBeVisibleOptions ChartDrawn = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Finished = new() { Timeout = 180_000 };

    [Fact]
    public async Task Start_a_tiny_training_run_watch_it_finish_in_two_pages_and_find_it_on_the_leaderboard()
    {
        var page = Page.Page;
        await Page.GotoAsync("/import");
        await page.GetByTestId("browse-dataset").WaitForAsync(new() { Timeout = (float)ImportTimeout.TotalMilliseconds });

        await Page.GotoAsync($"/runs/new?dataset={FixtureItemsAppFixture.Dataset}");
        await Expect(page.GetByTestId("device")).ToContainTextAsync("This server trains on");
        await page.GetByTestId("run-name-field").FillAsync(RunName);
        await page.GetByTestId("run-hidden").FillAsync("not sizes");
        await page.GetByTestId("run-hidden").PressAsync("Tab");
        await page.GetByTestId("start-run").ClickAsync();
        await Expect(page.GetByTestId("run-problem")).ToContainTextAsync("Hidden sizes must be whole numbers");

        await page.GetByTestId("preset-seed").ClickAsync();
        await page.GetByTestId("run-epochs").FillAsync(Epochs.ToString());
        await page.GetByTestId("run-epochs").PressAsync("Tab");
        await page.GetByTestId("run-batch-size").FillAsync("1");
        await page.GetByTestId("run-batch-size").PressAsync("Tab");
        await page.GetByTestId("start-run").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/runs/\d+$"));

        await using var teammate = await AppPage.OpenAsync(page.Context.Browser!, App);
        await teammate.GotoAsync(page.Url);
        foreach (var view in new[] { page, teammate.Page })
        {
            await Expect(view.GetByTestId("run-name")).ToHaveTextAsync(RunName);
            await Expect(view.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", Finished);
            await Expect(view.GetByTestId("run-log")).ToContainTextAsync($"Epoch {Epochs} of {Epochs}");
            await Expect(view.GetByTestId("run-progress")).ToHaveTextAsync("100%");
            await Expect(view.GetByTestId("batch-loss-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);
            await Expect(view.GetByTestId("epoch-loss-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);
        }

        await Page.GotoAsync("/runs");
        await Expect(page.GetByTestId("run-row").Filter(new() { HasText = RunName }).GetByTestId("run-status")).ToHaveTextAsync("Succeeded");

        await page.GetByTestId("run-row").Filter(new() { HasText = RunName }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByTestId("compare-run").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/compare\?"));
        await Expect(page.GetByTestId("leaderboard").GetByTestId("run-row").Filter(new() { HasText = RunName })).ToHaveCountAsync(1);

        Page.AssertNoConsoleErrors();
        teammate.AssertNoConsoleErrors();
    }
}
