using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricer.Core.Items.HuggingFace;
using Pricer.Core.Items.Import;
using Pricer.Testing;

namespace PricerWeb.Tests.HuggingFace;

/// <summary>
/// The Hub services as the app registers them (AddHuggingFaceHub), pointed at a fake Hub, with short retry
/// waits, a token variable of its own (so parallel tests cannot see each other's token) and captured logs.
/// </summary>
public sealed class HubTestServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public HubTestServices(FakeHub hub, string? token = null, int maxRetries = 4, Dictionary<string, string?>? settings = null)
    {
        TokenVariable = $"PRICER_TEST_HF_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(TokenVariable, token);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HuggingFace:Endpoint"] = hub.Endpoint.ToString(),
            ["HuggingFace:TokenEnvironmentVariable"] = TokenVariable,
            ["HuggingFace:RetryDelay"] = "00:00:00.010",
            ["HuggingFace:MaxRetries"] = maxRetries.ToString(),
            ["HuggingFace:ProgressInterval"] = "00:00:00",
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddHuggingFaceHub(configuration);
        _provider = services.BuildServiceProvider();
    }

    public string TokenVariable { get; }

    public CapturedLogs Logs { get; } = new();

    public TempFolder Downloads { get; } = new();

    public IRemoteDatasetSource Source => _provider.GetServices<IRemoteDatasetSource>().OfType<HubDatasetSource>().Single();

    public HubClient Client => _provider.GetRequiredService<HubClient>();

    public Task<string> ResolveAsync(string source, IProgress<ImportProgress>? progress = null) =>
        Source.ResolveAsync(source, Downloads.Path, progress, CancellationToken.None);

    /// <summary>Resolves a source that must fail: the source reports it as the importer's ItemSourceException, the Hub's own inside.</summary>
    public async Task<HubException> ResolveFailsAsync(string source)
    {
        var error = await Assert.ThrowsAsync<ItemSourceException>(() => ResolveAsync(source));
        var hub = Assert.IsType<HubException>(error.InnerException);
        Assert.Equal(hub.Message, error.Message);
        return hub;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(TokenVariable, null);
        _provider.Dispose();
        Downloads.Dispose();
    }
}
