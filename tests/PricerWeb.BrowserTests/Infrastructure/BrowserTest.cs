using Xunit.Abstractions;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// A test with a fresh page on a running app. What the page and the app logged goes to the test output,
/// which the runner shows for failed tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(ChromiumFixture chromium, AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    private AppPage? _page;

    protected AppPage Page => _page ?? throw new InvalidOperationException("The page is not open.");

    protected PricerApp App => app.App;

    public async Task InitializeAsync() => _page = await AppPage.OpenAsync(chromium.Browser, app.App);

    /// <summary>Another page, in its own browser context, signed in as <paramref name="account"/> (null: signed out); the caller disposes it.</summary>
    protected Task<AppPage> OpenPageAsAsync(TestAccount? account) =>
        account is null ? AppPage.OpenAnonymousAsync(chromium.Browser, app.App) : AppPage.OpenAsync(chromium.Browser, app.App, account);

    public async Task DisposeAsync()
    {
        if (_page is null) return;
        foreach (var error in _page.ConsoleErrors) output.WriteLine(error);
        output.WriteLine(app.App.RecentOutput);
        await _page.DisposeAsync();
    }
}
