using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricer.Testing.Llm;
using PricerWeb.Features.Settings;
using PricerWeb.Tests.HuggingFace;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Settings;

/// <summary>
/// The real app with one LLM provider ("loopback") pointed at a loopback chat server, whose key variable is never
/// set, and every log line captured.
/// </summary>
internal sealed class SettingsApp : IAsyncDisposable
{
    public const string Provider = "loopback";
    public const string KeyVariable = "PRICER_SETTINGS_TEST_KEY_NEVER_SET";

    public SettingsApp(string? dataDirectory = null)
    {
        Server = LoopbackChatServer.Start();
        App = new PricerAppFactory(dataDirectory, new Dictionary<string, string>
        {
            ["LlmOptions:Providers:0:Name"] = Provider,
            ["LlmOptions:Providers:0:BaseUrl"] = Server.BaseUrl,
            ["LlmOptions:Providers:0:Model"] = "loopback-model",
            ["LlmOptions:Providers:0:ApiKeyEnvironmentVariable"] = KeyVariable,
            ["LlmOptions:Providers:0:InputUsdPerMillionTokens"] = "10",
            ["LlmOptions:Providers:0:OutputUsdPerMillionTokens"] = "20",
            ["LlmOptions:Providers:0:Concurrency"] = "2",
            ["Logging:LogLevel:Default"] = "Trace",
        }, services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }

    public PricerAppFactory App { get; }
    public LoopbackChatServer Server { get; }
    public CapturedLogs Logs { get; } = new();

    public StoredApiKeys Keys => App.Services.GetRequiredService<StoredApiKeys>();

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Server.DisposeAsync();
    }
}
