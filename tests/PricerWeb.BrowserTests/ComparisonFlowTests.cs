using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class ComparisonFlowTests(ChromiumFixture chromium, FixtureItemsAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<FixtureItemsAppFixture>
{
    private const string Leaderboard = "/compare?dataset=" + FixtureItemsAppFixture.Dataset + "&report=test";
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(2);

    // A fresh page loads plotly.js (3.5 MB) before the first chart draws, which takes a while on a busy runner.
    private static readonly LocatorAssertionsToBeVisibleOptions ChartDrawn = new() { Timeout = 60_000 };

    [Fact]
    public async Task Pick_two_runs_see_the_scatter_and_the_items_then_the_copied_link_opens_the_same_view()
    {
        var page = Page.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await OpenLeaderboardWhenImportedAsync();
        await ImportPredictionsAsync("close.csv", "index,guess\n0,25\n1,60\n2,16\n");
        await ImportPredictionsAsync("far.csv", "index,guess\n0,90\n1,5\n2,80\n");

        // A fresh leaderboard with nothing ticked: pick the two runs.
        await Page.GotoAsync(Leaderboard);
        var rows = page.GetByTestId("run-row");
        await Expect(rows.Filter(new() { HasText = "close" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("comparison")).ToHaveCountAsync(0);
        foreach (var name in new[] { "close", "far" })
            await rows.Filter(new() { HasText = name }).Locator("input[type=checkbox]").CheckAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"runs=\d+%2C\d+|runs=\d+,\d+"));
        await Expect(page.GetByTestId("scatter-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);
        await Expect(page.GetByTestId("item-table").Locator("tbody tr")).ToHaveCountAsync(3);
        var summary = await page.GetByTestId("closest-summary").TextContentAsync();
        Assert.Contains("close closest on 3", Squeeze(summary));

        await page.GetByTestId("copy-link").ClickAsync();
        var shared = page.GetByTestId("share-link");
        await Expect(shared).ToHaveValueAsync(page.Url);
        Assert.Equal(page.Url, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        var link = await shared.InputValueAsync();

        await using var teammate = await AppPage.OpenAsync(Page.Page.Context.Browser!, App);
        await teammate.GotoAsync(link);
        var view = teammate.Page;
        await Expect(view.GetByTestId("scatter-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);
        await Expect(view.GetByTestId("item-table").Locator("tbody tr")).ToHaveCountAsync(3);
        Assert.Equal(Squeeze(summary), Squeeze(await view.GetByTestId("closest-summary").TextContentAsync()));
        Assert.Equal(await page.GetByTestId("item-table").InnerTextAsync(), await view.GetByTestId("item-table").InnerTextAsync());
        foreach (var name in new[] { "close", "far" })
            await Expect(view.GetByTestId("run-row").Filter(new() { HasText = name }).Locator("input[type=checkbox]")).ToBeCheckedAsync();

        Page.AssertNoConsoleErrors();
        teammate.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Charts_download_as_png_from_their_mode_bar_and_the_items_as_csv()
    {
        var page = Page.Page;
        await OpenLeaderboardWhenImportedAsync();
        await ImportPredictionsAsync("png.csv", "index,guess\n0,41\n1,26\n2,12\n");
        await Expect(page.GetByTestId("scatter-chart").Locator(".main-svg").First).ToBeVisibleAsync(ChartDrawn);

        var png = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await page.GetByTestId("scatter-chart").HoverAsync();
            await page.GetByTestId("scatter-chart").Locator(".modebar-btn[data-title='Download plot as a PNG']").ClickAsync();
        });
        Assert.Matches(@"^scatter-\d+\.png$", png.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        var text = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.StartsWith("position,item_id,title,category,truth,guess png (#", text);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        Page.AssertNoConsoleErrors();
    }

    /// <summary>The start-up import runs in the background; the import page shows it live until it has succeeded.</summary>
    private async Task OpenLeaderboardWhenImportedAsync()
    {
        await Page.GotoAsync("/import");
        await Page.Page.GetByTestId("browse-dataset").WaitForAsync(new() { Timeout = (float)ImportTimeout.TotalMilliseconds });
        await Page.GotoAsync(Leaderboard);
        await Page.Page.GetByTestId("leaderboard").WaitForAsync();
    }

    private async Task ImportPredictionsAsync(string fileName, string csv)
    {
        var page = Page.Page;
        var before = await page.GetByTestId("run-row").CountAsync();
        await page.GetByTestId("import-predictions").ClickAsync();
        var dialog = page.GetByTestId("import-predictions-dialog");
        var fileInput = dialog.Locator("input[type=file]");
        // Files set before Blazor's InputFile has hooked the element are never read; its init marks the element.
        await Expect(fileInput).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);
        await fileInput.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await Expect(dialog.GetByTestId("chosen-predictions")).ToContainTextAsync(fileName);
        await dialog.GetByTestId("started-by").FillAsync("playwright");
        await page.GetByTestId("import-predictions-submit").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run-row")).ToHaveCountAsync(before + 1);
    }

    private static string Squeeze(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
