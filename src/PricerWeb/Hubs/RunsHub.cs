using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using PricerWeb.Features.Accounts;
using PricerWeb.Features.Runs;

namespace PricerWeb.Hubs;

/// <summary>
/// Run progress for every watcher (/hubs/runs): Watch a run to get its history so far and then its updates;
/// WatchList to hear when any run's status or progress changes. A process outside the app (a GPU box running
/// `pricer train --server URL`) starts a run with StartRemote and reports it with Publish, with the shared key.
/// </summary>
/// <remarks>
/// Connecting is open so that a remote trainer can publish with the key alone; watching needs a signed-in person.
/// </remarks>
[AllowAnonymous]
public sealed class RunsHub(RunMonitor monitor, RemoteRuns remoteRuns, IOptions<RunsOptions> options) : Hub<IRunsClient>
{
    public const string Path = "/hubs/runs";
    public const string ListGroup = "runs";

    public static string RunGroup(int runId) => $"run-{runId}";

    /// <summary>Joins the run's watchers; returns the run so far (apply only later-numbered updates), null when unknown.</summary>
    [Authorize(Policy = PricerPolicies.SignedIn)]
    public async Task<RunSnapshot?> Watch(int runId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, RunGroup(runId), Context.ConnectionAborted);
        var snapshot = await monitor.SnapshotAsync(runId, Context.ConnectionAborted);
        if (snapshot is null) await Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroup(runId));
        return snapshot;
    }

    [Authorize(Policy = PricerPolicies.SignedIn)]
    public Task Unwatch(int runId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, RunGroup(runId));

    [Authorize(Policy = PricerPolicies.SignedIn)]
    public Task WatchList() => Groups.AddToGroupAsync(Context.ConnectionId, ListGroup);

    [Authorize(Policy = PricerPolicies.SignedIn)]
    public Task UnwatchList() => Groups.RemoveFromGroupAsync(Context.ConnectionId, ListGroup);

    /// <summary>Stores a run that the caller trains elsewhere, as running; returns its id.</summary>
    public async Task<int> StartRemote(string key, RemoteRunRequest request)
    {
        RequireKey(key);
        return await remoteRuns.StartAsync(request, Context.ConnectionAborted);
    }

    /// <summary>Reports progress of a run started with StartRemote; a Status of Succeeded, Failed or Cancelled ends it.</summary>
    public async Task Publish(string key, int runId, RunUpdate update)
    {
        RequireKey(key);
        await remoteRuns.PublishAsync(runId, update, Context.ConnectionAborted);
    }

    private void RequireKey(string? key)
    {
        var expected = options.Value.PublishKey;
        if (string.IsNullOrEmpty(expected))
            throw new HubException("Publishing runs is turned off on this server: set Runs:PublishKey to a shared key to allow it.");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key ?? ""), Encoding.UTF8.GetBytes(expected)))
            throw new HubException("The publish key is not this server's.");
    }
}
