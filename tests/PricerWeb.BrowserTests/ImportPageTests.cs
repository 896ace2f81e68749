using System.Text.RegularExpressions;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class ImportPageTests(ChromiumFixture chromium, AppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<AppFixture>
{
    [Fact]
    public async Task Importing_a_server_folder_shows_the_job_finish_and_the_new_data_set_opens_in_the_browser()
    {
        var page = Page.Page;
        await Page.GotoAsync("/import?from=serverpath");
        await page.GetByTestId("server-path").Locator("input").Or(page.Locator("input[data-testid=server-path]"))
            .FillAsync(CourseItemsAppFixture.FixtureItems);
        await page.GetByTestId("dataset-name").Locator("input").Or(page.Locator("input[data-testid=dataset-name]"))
            .FillAsync("fixture-items");
        await page.GetByTestId("start-import").ClickAsync();

        var job = page.GetByTestId("import-job").Filter(new() { HasText = "fixture-items" });
        await Expect(job.GetByTestId("job-status")).ToHaveTextAsync("Succeeded");
        await Expect(job.GetByTestId("job-result")).ToContainTextAsync("Imported 5 train, 2 validation and 3 test items");

        await job.GetByTestId("browse-dataset").ClickAsync();
        await page.WaitForURLAsync(new Regex("/datasets/fixture-items"));
        await Page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("dataset-picker")).ToHaveValueAsync("fixture-items · 10 items");
        await Expect(page.GetByTestId("item-title")).ToHaveCountAsync(10);

        Page.AssertNoConsoleErrors();
    }
}
