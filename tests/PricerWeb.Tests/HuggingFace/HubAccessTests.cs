using System.Net;
using System.Net.Sockets;
using Pricer.Core.Items.HuggingFace;
using Pricer.Core.Items.Import;

namespace PricerWeb.Tests.HuggingFace;

public class HubAccessTests
{
    private const string Source = "hf:ed-donner/items_lite";
    private const string Token = "hf_TestSecretToken1234567890abcdef";

    private static async Task<FakeHub> StartHubAsync(Action<FakeHub>? configure = null)
    {
        var hub = await FakeHub.StartAsync(configure);
        foreach (var (split, rows) in HubItemRow.SmallSplits())
            hub.Files[$"data/{split}-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(rows);
        return hub;
    }

    [Fact]
    public async Task Sends_the_token_to_the_hub_but_not_to_the_cdn_it_redirects_to_and_never_logs_it()
    {
        await using var hub = await StartHubAsync(h => h.RequiredToken = Token);
        using var services = new HubTestServices(hub, token: Token);

        await services.ResolveAsync(Source);

        var hubRequests = hub.Requests.Where(r => r.Server == "hub").ToList();
        Assert.Equal(4, hubRequests.Count); // the listing and three resolves
        Assert.All(hubRequests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Equal(3, hub.CdnRequests.Count());
        Assert.All(hub.CdnRequests, r => Assert.Null(r.Authorization));
        Assert.Contains(services.Logs.Lines, l => l.Contains("System.Net.Http.HttpClient"));
        Assert.DoesNotContain(Token, services.Logs.All);
    }

    [Fact]
    public async Task A_private_dataset_without_a_token_says_to_set_the_token_variable()
    {
        await using var hub = await StartHubAsync(h => h.RequiredToken = Token);
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains($"set {services.TokenVariable}", error.Message);
        Assert.Contains("hf:ed-donner/items_lite", error.Message);
        Assert.Null(hub.ListingRequests.Single().Authorization);
        Assert.False(Directory.Exists(Path.Combine(services.Downloads.Path, "hf")));
    }

    [Fact]
    public async Task A_refused_token_is_reported_by_its_variable_and_never_shown()
    {
        const string wrong = "hf_WrongToken0987654321";
        await using var hub = await StartHubAsync(h => h.RequiredToken = Token);
        using var services = new HubTestServices(hub, token: wrong);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains($"token in {services.TokenVariable}", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.DoesNotContain(wrong, services.Logs.All);
        Assert.Equal($"Bearer {wrong}", hub.ListingRequests.Single().Authorization);
    }

    [SkippableFact]
    public async Task The_default_token_variable_is_HF_TOKEN()
    {
        Assert.Equal("HF_TOKEN", new HuggingFaceOptions().TokenEnvironmentVariable);
        Skip.If(Environment.GetEnvironmentVariable("HF_TOKEN") is { Length: > 0 }, "Skipped: HF_TOKEN is set in this environment.");
        await using var hub = await StartHubAsync(h => h.RequiredToken = Token);
        using var services = new HubTestServices(hub, settings: new() { ["HuggingFace:TokenEnvironmentVariable"] = "HF_TOKEN" });

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("set HF_TOKEN", error.Message);
    }

    [Fact]
    public async Task An_unknown_dataset_says_there_is_no_such_dataset()
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync("hf:ed-donner/no_such_items");

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("no data set ed-donner/no_such_items", error.Message);
    }

    [Fact]
    public async Task An_unknown_revision_says_so()
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync("hf:ed-donner/items_lite@v9");

        Assert.Contains("has no revision 'v9'", error.Message);
    }

    [Fact]
    public async Task A_dataset_without_parquet_files_says_so()
    {
        await using var hub = await FakeHub.StartAsync();
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("has no parquet files", error.Message);
        Assert.Contains(hub.Requests, r => r.Path.EndsWith("/items_lite/parquet"));
    }

    [Fact]
    public async Task A_dataset_whose_parquet_files_name_no_split_says_so()
    {
        await using var hub = await FakeHub.StartAsync();
        hub.Files["data/items-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(HubItemRow.SmallSplits()["train"]);
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("no path names a split (train, validation or test)", error.Message);
        Assert.Contains("data/items-00000-of-00001.parquet", error.Message);
        Assert.DoesNotContain(hub.Requests, r => r.Server == "cdn");
    }

    [Fact]
    public async Task An_unreachable_hub_is_retried_then_reported_plainly()
    {
        await using var hub = await StartHubAsync();
        var closedPort = ClosedLoopbackPort();
        using var services = new HubTestServices(hub, maxRetries: 2, settings: new() { ["HuggingFace:Endpoint"] = $"http://127.0.0.1:{closedPort}" });

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("Could not reach the Hugging Face Hub", error.Message);
        Assert.Contains("after 3 tries", error.Message);
        Assert.Equal(2, services.Logs.Lines.Count(l => l.Contains("failed") && l.Contains("retry")));
    }

    [Theory]
    [InlineData("hf:../../etc")]
    [InlineData("hf:ed-donner/../../items_lite")]
    [InlineData("hf:ed donner/items_lite")]
    [InlineData("hf:%2e%2e/items_lite")]
    [InlineData("hf:ed-donner/items_lite@../../../tmp")]
    public async Task Hostile_sources_are_refused_before_any_request_or_file(string source)
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);

        Assert.True(services.Source.CanResolve(source));
        var error = await Assert.ThrowsAsync<ItemSourceException>(() => services.ResolveAsync(source));
        Assert.IsType<ArgumentException>(error.InnerException);

        Assert.Contains("hf:owner/name", error.Message);
        Assert.Empty(hub.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(services.Downloads.Path));
    }

    [Fact]
    public async Task A_hub_that_lists_a_path_outside_the_folder_is_refused()
    {
        await using var hub = await StartHubAsync();
        hub.Files["../../escape/train.parquet"] = [1, 2, 3];
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("unsafe path", error.Message);
        Assert.DoesNotContain(hub.Requests, r => r.Server == "cdn");
        Assert.False(Directory.Exists(Path.Combine(services.Downloads.Path, "escape")));
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
