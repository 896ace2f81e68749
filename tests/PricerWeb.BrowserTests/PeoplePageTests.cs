using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class PeoplePageTests(ChromiumFixture chromium, AppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_Admin_sees_everyone_and_makes_an_invitation_link_and_a_Guesser_is_turned_away()
    {
        await Page.GotoAsync("/admin/people");
        await Expect(Page.Page.GetByTestId("person-row")).ToHaveCountAsync(TestAccount.All.Count);
        await Page.Page.GetByTestId("create-invitation").ClickAsync();
        await Expect(Page.Page.Locator("input[data-testid=invitation-link], [data-testid=invitation-link] input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/Account/Register\\?invite=[0-9a-f]{48}$"));
        // Set PRICER_SCREENSHOTS to a folder to keep a picture of the page.
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } folder)
            await Page.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "people.png"), FullPage = true });
        Page.AssertNoConsoleErrors();

        await using var guesser = await OpenPageAsAsync(TestAccount.Guesser);
        await guesser.Page.GotoAsync(new Uri(App.BaseUrl, "/admin/people").ToString());
        await guesser.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
        await Expect(guesser.Page.GetByTestId("person-row")).ToHaveCountAsync(0);
    }
}
