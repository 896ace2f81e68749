namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>One running app per test class; subclasses add configuration.</summary>
public class AppFixture : IAsyncLifetime
{
    private PricerApp? _app;

    public PricerApp App => _app ?? throw new InvalidOperationException("The app has not been started.");

    /// <summary>Extra configuration in environment-variable form (Section__Key).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync() => _app = await PricerApp.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
