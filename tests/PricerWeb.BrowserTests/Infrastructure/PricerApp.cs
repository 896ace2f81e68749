using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Pricer.Testing;
using Pricer.Testing.Processes;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// The real PricerWeb, started as `dotnet PricerWeb.dll` on a free loopback port over a scratch data folder,
/// with the repository root as content root. Its output is kept for failure messages; disposing kills it.
/// </summary>
public sealed class PricerApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly TempFolder _dataFolder;
    private readonly OutputTail _output = new();

    private PricerApp(Process process, TempFolder dataFolder, Uri baseUrl)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string DataDirectory => _dataFolder.Path;

    /// <summary>
    /// The browser storage (the sign-in cookie) of this account, signed in once through the real sign-in page and
    /// reused by every page opened as that account.
    /// </summary>
    public Task<string> StorageStateAsync(Microsoft.Playwright.IBrowser browser, TestAccount account) =>
        _signIns.GetOrAdd(account.Email, _ => new Lazy<Task<string>>(() => SignInAsync(browser, account))).Value;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _signIns = new();

    private async Task<string> SignInAsync(Microsoft.Playwright.IBrowser browser, TestAccount account)
    {
        await using var context = await browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { BaseURL = BaseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync(account.Email);
        await page.Locator("#password").FillAsync(TestAccount.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return await context.StorageStateAsync();
    }

    /// <summary>The last lines the app wrote to stdout and stderr.</summary>
    public string RecentOutput => "--- PricerWeb output ---\n" + _output.Tail(200);

    /// <param name="settings">Configuration in environment-variable form, e.g. StartupImport__0__Source.</param>
    public static async Task<PricerApp> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = PricerWebDll();
        var dataFolder = new TempFolder();
        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseUrl.ToString().TrimEnd('/') },
            WorkingDirectory = dataFolder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["PRICER_CONTENT_ROOT"] = SharedData.RepoRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__DataDirectory"] = dataFolder.Path;
        // Plain HTTP on loopback: a Secure cookie would not come back.
        start.Environment["Accounts__SecureCookies"] = "false";
        foreach (var (key, value) in TestAccount.SeedSettings())
            start.Environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var app = new PricerApp(process, dataFolder, baseUrl);
        process.OutputDataReceived += (_, e) => app._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app._output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"PricerWeb exited with code {_process.ExitCode} before answering on {BaseUrl}.\n{RecentOutput}");
            try
            {
                using var response = await http.GetAsync("/");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(250)));
        }
        throw new TimeoutException($"PricerWeb did not answer on {BaseUrl} within {StartTimeout.TotalSeconds:0} s.\n{RecentOutput}");
    }

    private static string PricerWebDll()
    {
        var dll = typeof(PricerApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PricerWebDll").Value!;
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"PricerWeb is not built at {dll}; build the solution (the test project references it).", dll);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { /* never started */ }
        _process.Dispose();
        _dataFolder.Dispose();
    }
}
