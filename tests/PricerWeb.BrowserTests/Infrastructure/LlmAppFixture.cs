using Pricer.Testing;
using Pricer.Testing.Llm;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// The app importing the small sample data set, with its first LLM provider pointed at a loopback chat server in
/// this test process that answers slowly enough to watch a run progress. The key lives only in the app's environment.
/// </summary>
public sealed class LlmAppFixture : AppFixture, IAsyncLifetime
{
    public const string Dataset = "fixture-items";
    public const string Provider = "Loopback test server";
    public const string Model = "loopback-model";
    public const string KeyVariable = "PRICER_BROWSER_TEST_LLM_KEY";

    public LlmAppFixture()
    {
        Server.Delay = TimeSpan.FromMilliseconds(700);
        Settings = new Dictionary<string, string>
        {
            ["StartupImport__0__Name"] = Dataset,
            ["StartupImport__0__Source"] = Path.Combine(SharedData.Fixtures, "items", "sample"),
            ["LlmOptions__Providers__0__Name"] = Provider,
            ["LlmOptions__Providers__0__BaseUrl"] = Server.BaseUrl,
            ["LlmOptions__Providers__0__Model"] = Model,
            ["LlmOptions__Providers__0__ApiKeyEnvironmentVariable"] = KeyVariable,
            ["LlmOptions__Providers__0__InputUsdPerMillionTokens"] = "10",
            ["LlmOptions__Providers__0__OutputUsdPerMillionTokens"] = "20",
            ["LlmOptions__Providers__0__Concurrency"] = "1",
            [KeyVariable] = ApiKey,
        };
    }

    public LoopbackChatServer Server { get; } = LoopbackChatServer.Start();

    public string ApiKey { get; } = "sk-browser-" + Guid.NewGuid().ToString("N");

    protected override IReadOnlyDictionary<string, string> Settings { get; }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Server.DisposeAsync();
    }
}
