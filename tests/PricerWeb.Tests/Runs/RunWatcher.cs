using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Pricer.Core.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Runs;

/// <summary>A hub client's view of one run: the snapshot Watch returned, then every update the hub sent, in a <see cref="RunView"/>.</summary>
internal sealed class RunWatcher
{
    private readonly ConcurrentQueue<(long Sequence, RunUpdate Update)> _updates = new();
    private RunSnapshot? _snapshot;

    private RunWatcher()
    {
    }

    public RunSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("Watch has not answered.");

    /// <summary>The run as this client has it now.</summary>
    public RunView View
    {
        get
        {
            var view = new RunView(Snapshot);
            foreach (var (sequence, update) in _updates.OrderBy(u => u.Sequence)) view.Apply(sequence, update);
            return view;
        }
    }

    public static async Task<RunWatcher> WatchAsync(HubConnection connection, int runId)
    {
        var watcher = new RunWatcher();
        connection.On<int, long, RunUpdate>("RunUpdated", (id, sequence, update) =>
        {
            if (id == runId) watcher._updates.Enqueue((sequence, update));
        });
        watcher._snapshot = await connection.InvokeAsync<RunSnapshot?>("Watch", runId)
            ?? throw new InvalidOperationException($"The hub does not know run {runId}.");
        return watcher;
    }
}
