using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class FineTuningFlowTests(ChromiumFixture chromium, FixtureItemsAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<FixtureItemsAppFixture>
{
    private const string RunName = "browser tiny lora";
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);
    private static readonly LocatorAssertionsToHaveTextOptions Finished = new() { Timeout = 240_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions ChartDrawn = new() { Timeout = 60_000 };
    // Queuing a run writes to the database, which a loaded 2-core machine can make slow.
    private static readonly PageAssertionsToHaveURLOptions Queued = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_member_refuses_absurd_settings_fine_tunes_a_tiny_adapter_watches_it_succeed_then_picks_it_prices_a_text_with_it_downloads_and_evaluates_it()
    {
        await using var member = await OpenPageAsAsync(TestAccount.Member);
        var page = member.Page;
        await member.GotoAsync("/import");
        await page.GetByTestId("browse-dataset").WaitForAsync(new() { Timeout = (float)ImportTimeout.TotalMilliseconds });

        await member.GotoAsync("/fine-tuning");
        await Expect(page.GetByTestId("no-adapters")).ToBeVisibleAsync();
        await page.GetByTestId("new-fine-tuning").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/fine-tuning/new$"));
        await member.WaitForCircuitAsync();
        await FillAsync(page, "ft-rank", "5000");
        await FillAsync(page, "ft-lr", "3");
        await page.GetByTestId("ft-start").ClickAsync();
        await Expect(page.GetByTestId("ft-problems")).ToContainTextAsync("r must be a whole number from 1 to 256 (got 5000)");
        await Expect(page.GetByTestId("ft-problems")).ToContainTextAsync("The learning rate must be above 0 and at most 0.1 (got 3)");
        await ScreenshotAsync(page, "fine-tuning-new.png");

        await FillAsync(page, "ft-name", RunName);
        await FillAsync(page, "ft-rank", "4");
        await FillAsync(page, "ft-lr", "0.001");
        await FillAsync(page, "ft-batch-size", "2");
        await FillAsync(page, "ft-max-items", "4");
        await page.Locator("input[data-testid=ft-target-key], [data-testid=ft-target-key] input").CheckAsync();
        await page.GetByTestId("ft-start").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/runs/\d+$"), Queued);

        await Expect(page.GetByTestId("run-name")).ToHaveTextAsync(RunName);
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", Finished);
        await Expect(page.GetByTestId("run-log")).ToContainTextAsync("epoch 1: train loss");
        await Expect(page.GetByTestId("run-progress")).ToHaveTextAsync("100%");
        await Expect(page.GetByTestId("batch-loss-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);
        await ScreenshotAsync(page, "fine-tuning-run.png");
        await page.GetByTestId("compare-run").ClickAsync();
        await Expect(page.GetByTestId("leaderboard").GetByTestId("run-row").Filter(new() { HasText = RunName })).ToHaveCountAsync(1);

        await member.GotoAsync("/fine-tuning");
        var row = page.GetByTestId("adapter-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("adapter-targets")).ToHaveTextAsync("query, key, value");
        await Expect(row.GetByTestId("adapter-shape")).ToHaveTextAsync("4 / 16");
        await Expect(row.GetByTestId("adapter-error")).ToHaveTextAsync(new Regex(@"^\$[\d,]+\.\d\d$"));
        await row.GetByTestId("adapter-use").ClickAsync();
        await Expect(row.GetByTestId("adapter-prices")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("try-adapter-choice")).ToContainTextAsync("The pricing adapter (lora-minilm-r4-");
        await page.GetByTestId("try-text").FillAsync("Cordless drill, 20V, two batteries and a charger");
        await page.GetByTestId("try-price").ClickAsync();
        await Expect(page.GetByTestId("try-result")).ToHaveTextAsync(new Regex(@"^\$[\d,]+\.\d\d$"), Finished);
        await Expect(page.GetByTestId("try-result-adapter")).ToContainTextAsync("from lora-minilm-r4-");
        await Expect(page.GetByTestId("try-result-adapter")).ToContainTextAsync("over minilm");
        await ScreenshotAsync(page, "fine-tuning-try.png");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("adapter-zip").ClickAsync());
        Assert.Matches(@"^lora-minilm-r4-.*\.zip$", download.SuggestedFilename);

        await row.GetByTestId("adapter-evaluate").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/runs/\d+$"), Queued);
        await Expect(page.GetByTestId("run-name")).ToContainTextAsync("LoRA eval lora-minilm-r4-");
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", Finished);

        await member.GotoAsync("/fine-tuning");
        await Expect(page.GetByTestId("adapter-row").GetByTestId("adapter-prices")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "fine-tuning.png");

        member.AssertNoConsoleErrors();
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.GetByTestId(testId).FillAsync(value);
        await page.GetByTestId(testId).PressAsync("Tab");
    }

    // Set PRICER_SCREENSHOTS to a folder to keep pictures of the pages.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
