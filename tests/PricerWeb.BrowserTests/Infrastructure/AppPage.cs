using Microsoft.Playwright;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>A fresh browser context on the app, recording what the page logs as errors.</summary>
public sealed class AppPage : IAsyncDisposable
{
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(60);

    private readonly IBrowserContext _context;
    private readonly PricerApp _app;
    private readonly List<string> _consoleErrors = [];

    private AppPage(IBrowserContext context, IPage page, PricerApp app)
    {
        _context = context;
        _app = app;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (_consoleErrors) _consoleErrors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (_consoleErrors) _consoleErrors.Add($"page error: {error}"); };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) return [.. _consoleErrors]; }
    }

    /// <summary>A page signed in as <paramref name="account"/> (the Admin when not named).</summary>
    public static Task<AppPage> OpenAsync(IBrowser browser, PricerApp app, TestAccount? account = null) =>
        OpenSignedInAsync(browser, app, account ?? TestAccount.Admin);

    /// <summary>A page with no account signed in.</summary>
    public static Task<AppPage> OpenAnonymousAsync(IBrowser browser, PricerApp app) => OpenWithStorageAsync(browser, app, null);

    private static async Task<AppPage> OpenSignedInAsync(IBrowser browser, PricerApp app, TestAccount account) =>
        await OpenWithStorageAsync(browser, app, await app.StorageStateAsync(browser, account));

    private static async Task<AppPage> OpenWithStorageAsync(IBrowser browser, PricerApp app, string? storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            StorageState = storageState,
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        return new AppPage(context, await context.NewPageAsync(), app);
    }

    /// <summary>Loads a page and waits until Blazor's circuit is connected, so clicks reach the server.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        if (response is null || !response.Ok)
            throw new InvalidOperationException($"GET {path} answered {response?.Status}.\n{_app.RecentOutput}");
        await WaitForCircuitAsync();
    }

    public Task WaitForCircuitAsync() =>
        Page.GetByTestId("circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors;
        Assert.True(errors.Count == 0, $"The page logged errors:\n{string.Join('\n', errors)}\n{_app.RecentOutput}");
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
