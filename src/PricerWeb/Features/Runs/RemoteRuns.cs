using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>
/// Runs that a process outside the app trains and reports through the hub. Only runs started here, in this
/// process's lifetime, accept reports, so a publisher can never write into a run this app's queue runs.
/// </summary>
public sealed class RemoteRuns(RunLifecycle lifecycle, RunMonitor monitor, SplitItems splits, ILogger<RemoteRuns> logger)
{
    private const int MaxNameLength = 200;
    private const int MaxConfigurationLength = 64 * 1024;

    private readonly ConcurrentDictionary<int, byte> _active = new();

    /// <exception cref="HubException">The request is not valid (unknown data set, empty or too long fields).</exception>
    public async Task<int> StartAsync(RemoteRunRequest request, CancellationToken cancellationToken)
    {
        Require(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= MaxNameLength, $"A run needs a name of 1 to {MaxNameLength} characters.");
        Require(!string.IsNullOrWhiteSpace(request.StartedBy) && request.StartedBy.Length <= MaxNameLength, $"A run needs a StartedBy of 1 to {MaxNameLength} characters.");
        Require(request.Configuration is { Length: <= MaxConfigurationLength }, $"A run's configuration must be at most {MaxConfigurationLength:N0} characters.");
        Require(Enum.IsDefined(request.Kind), $"'{request.Kind}' is not a kind of run.");
        Require((request.CodeVersion ?? "").Length <= 100, "A code version must be at most 100 characters.");
        int datasetId;
        try
        {
            datasetId = (await splits.DatasetAsync(request.Dataset ?? "", cancellationToken)).Id;
        }
        catch (KeyNotFoundException error)
        {
            throw new HubException(error.Message);
        }
        var run = await lifecycle.CreateQueuedAsync(new PricerRun
        {
            DatasetId = datasetId,
            Kind = request.Kind,
            Name = request.Name,
            Configuration = request.Configuration!,
            StartedBy = request.StartedBy,
            CodeVersion = string.IsNullOrWhiteSpace(request.CodeVersion) ? "remote" : request.CodeVersion,
        }, cancellationToken);
        await lifecycle.MarkRunningAsync(run.Id, cancellationToken);
        run.Status = RunStatus.Running;
        await monitor.BeginAsync(run, cancellationToken);
        _active[run.Id] = 0;
        monitor.Publish(run.Id, new RunUpdate { Log = [$"Started remotely by {request.StartedBy}."] });
        logger.LogInformation("Remote run {RunId} ('{Name}') started by {StartedBy}", run.Id, run.Name, run.StartedBy);
        return run.Id;
    }

    /// <exception cref="HubException">The run was not started remotely here, or has ended.</exception>
    public async Task PublishAsync(int runId, RunUpdate update, CancellationToken cancellationToken)
    {
        Require(_active.ContainsKey(runId), $"Run {runId} is not a remote run in progress on this server; start one with StartRemote.");
        Require(update.Status is null or RunStatus.Running or RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled,
            "A publisher reports a run as Running, Succeeded, Failed or Cancelled.");
        monitor.Publish(runId, update with { Status = null });
        if (update.Status is not (RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled)) return;
        var outcome = update.Status.Value;
        _active.TryRemove(runId, out _);
        await lifecycle.FinishAsync(runId, outcome, outcome == RunStatus.Failed ? update.Error ?? "The remote run failed." : null, cancellationToken);
        await monitor.EndAsync(runId, outcome, update.Error, cancellationToken);
        logger.LogInformation("Remote run {RunId} ended {Outcome}", runId, outcome);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new HubException(message);
    }
}
