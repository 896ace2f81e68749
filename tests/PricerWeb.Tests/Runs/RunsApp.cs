using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Accounts;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;
using PricerWeb.Hubs;
using PricerWeb.Tests.Compare;
using PricerWeb.Tests.Hosting;
using PricerWeb.Tests.HuggingFace;

namespace PricerWeb.Tests.Runs;

/// <summary>The app served on a loopback port over a real SQLite file, with one small data set and the run services.</summary>
internal sealed class RunsApp : IAsyncDisposable
{
    public const string Dataset = "runs-fixture";
    public const string PublishKey = "test-publish-key";

    private readonly List<HubConnection> _connections = [];

    private RunsApp(PricerAppFactory factory, Uri baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public PricerAppFactory Factory { get; }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => Factory.Services;

    public RunQueue Queue => Services.GetRequiredService<RunQueue>();

    public RunLifecycle Lifecycle => Services.GetRequiredService<RunLifecycle>();

    public RunStore Store => Services.GetRequiredService<RunStore>();

    /// <summary>Starts the app over <paramref name="dataDirectory"/> (a fresh folder when null), seeding the data set unless it is there.</summary>
    public static async Task<RunsApp> StartAsync(
        string? dataDirectory = null, Action<IServiceCollection>? services = null, string publishKey = PublishKey)
    {
        var factory = new PricerAppFactory(dataDirectory, new Dictionary<string, string>
        {
            ["Runs:PublishKey"] = publishKey,
            ["Runs:UpdateIntervalMilliseconds"] = "20",
        }, services);
        var app = new RunsApp(factory, factory.StartOnLoopback());
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync())
            if (await db.Datasets.AnyAsync()) return app;
        {
            await new RunSeeder(factory.Services).DatasetAsync(Dataset,
                new TestItem("t1", Split.Train, 10), new TestItem("t2", Split.Train, 20),
                new TestItem("v1", Split.Validation, 30), TestItem.Test("x1", 40), TestItem.Test("x2", 50));
        }
        return app;
    }

    public static PricerRun NewRun(string name = "scripted run", RunKind kind = RunKind.Baseline) => new()
    {
        DatasetId = 1, Kind = kind, Name = name, StartedBy = "tester", CodeVersion = "test",
        Configuration = """{"job":"scripted"}""",
    };

    public Task<PricerRun> EnqueueAsync(IRunJob job, string name = "scripted run") => Queue.EnqueueAsync(NewRun(name), job, CancellationToken.None);

    /// <summary>Waits until the stored run reaches the status; returns it.</summary>
    public async Task<PricerRun> WaitForStatusAsync(int runId, RunStatus status) =>
        (await Eventually.MatchesAsync(() => Store.FindAsync(runId, CancellationToken.None), run => run?.Status == status))!;

    /// <summary>
    /// A started SignalR connection to /hubs/runs (closed with the app), signed in through the real sign-in form
    /// as this role's seeded account, or signed out (null) as a remote publisher with only the key is.
    /// </summary>
    public async Task<HubConnection> ConnectAsync(PricerRole? role = PricerRole.Admin)
    {
        var cookies = new CookieContainer();
        if (role is { } signedIn)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = BaseUrl };
            using var response = await PricerAppFactory.SignInAsync(http, PricerAppFactory.EmailOf(signedIn), PricerAppFactory.Password);
            response.EnsureSuccessStatusCode();
        }
        var connection = new HubConnectionBuilder().WithUrl(new Uri(BaseUrl, RunsHub.Path), options => options.Cookies = cookies).Build();
        _connections.Add(connection);
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
