using Microsoft.Playwright;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright's bundled driver (`playwright install`
/// cannot download here). Missing Chromium fails every browser test with the reason, never skips them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string PathVariable = "PRICER_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium is not installed at {path}. The browser tests use Debian's Chromium: `apt-get install chromium` " +
                $"(.ci/run installs it), or point {PathVariable} at another Chromium.");

        // Two shared cores and a Blazor circuit: give page updates longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a fresh temporary profile (--user-data-dir) and deletes it on close.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
