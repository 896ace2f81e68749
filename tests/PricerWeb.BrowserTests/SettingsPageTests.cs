using System.Text.RegularExpressions;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class SettingsPageTests(ChromiumFixture chromium, LlmAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<LlmAppFixture>
{
    private const string StoredKey = "sk-stored-in-the-browser-test-0123456789";

    [Fact]
    public async Task An_Admin_stores_a_key_and_a_default_budget_that_the_llm_form_then_uses_and_a_Member_is_turned_away()
    {
        var page = Page.Page;
        await Page.GotoAsync("/import");
        await page.GetByTestId("browse-dataset").WaitForAsync(new() { Timeout = 180_000 });
        await Page.GotoAsync("/admin/settings");
        await Page.WaitForCircuitAsync();
        var provider = page.Locator($"[data-testid=provider-row][data-provider='{LlmAppFixture.Provider}']");
        await Expect(provider).ToContainTextAsync(LlmAppFixture.Model);
        await Expect(provider.GetByTestId("key-origin")).ToHaveTextAsync($"environment variable {LlmAppFixture.KeyVariable}");

        await page.Locator("input[data-testid=key-input], [data-testid=key-input] input").FillAsync(StoredKey);
        await page.GetByTestId("key-store").ClickAsync();
        await Expect(provider.GetByTestId("key-origin")).ToHaveTextAsync("stored here");
        await page.Locator("input[data-testid=default-budget], [data-testid=default-budget] input").FillAsync("2.5");
        await page.Locator("input[data-testid=monthly-cap], [data-testid=monthly-cap] input").FillAsync("40");
        await page.GetByTestId("budgets-save").ClickAsync();
        await Expect(page.GetByTestId("budgets-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("spent")).ToContainTextAsync("of the $40 cap");
        Assert.DoesNotContain(StoredKey, await page.ContentAsync());
        await Expect(page.Locator("input[data-testid=key-input], [data-testid=key-input] input")).ToHaveValueAsync("");
        // Set PRICER_SCREENSHOTS to a folder to keep a picture of the page.
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "admin-settings.png"), FullPage = true });

        await Page.GotoAsync("/llm");
        await Page.WaitForCircuitAsync();
        await Expect(page.Locator("input[data-testid=llm-budget], [data-testid=llm-budget] input")).ToHaveValueAsync("2.5");
        await Expect(page.GetByTestId("llm-provider-details")).ToContainTextAsync("key: stored here");
        Page.AssertNoConsoleErrors();

        await File.WriteAllTextAsync(Path.Combine(App.DataDirectory, "secrets", "llm-keys.json"), "{ cut short");
        await Page.GotoAsync("/admin/settings");
        await Page.WaitForCircuitAsync();
        await Expect(page.GetByTestId("keys-file-damaged")).ToContainTextAsync("cannot be read");
        await Expect(provider.GetByTestId("key-origin")).ToHaveTextAsync($"environment variable {LlmAppFixture.KeyVariable}");
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } damagedFolder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(damagedFolder, "admin-settings-damaged-keys.png"), FullPage = true });
        await page.Locator("input[data-testid=key-input], [data-testid=key-input] input").FillAsync(StoredKey);
        await page.GetByTestId("key-store").ClickAsync();
        await Expect(provider.GetByTestId("key-origin")).ToHaveTextAsync("stored here");
        await Expect(page.GetByTestId("keys-file-damaged")).ToHaveCountAsync(0);

        await using var member = await OpenPageAsAsync(TestAccount.Member);
        await member.Page.GotoAsync(new Uri(App.BaseUrl, "/admin/settings").ToString());
        await member.Page.WaitForURLAsync(new Regex("/Account/AccessDenied"));
        await Expect(member.Page.GetByTestId("provider-row")).ToHaveCountAsync(0);
    }
}
