using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;

namespace PricerWeb.Tests.Runs;

/// <summary>A hub client's view of one run: the snapshot Watch returned, then every later-numbered update applied.</summary>
internal sealed class RunWatcher
{
    private readonly ConcurrentQueue<(long Sequence, RunUpdate Update)> _updates = new();
    private RunSnapshot? _snapshot;

    private RunWatcher()
    {
    }

    public RunSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("Watch has not answered.");

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

    public RunStatus Status => Later().LastOrDefault(u => u.Status is not null)?.Status ?? Snapshot.Status;

    /// <summary>A series as this client has it: the snapshot's points, then the updates'.</summary>
    public IReadOnlyList<RunPoint> Series(string name) =>
        [.. (Snapshot.Series.TryGetValue(name, out var points) ? points : []), .. Later().SelectMany(u => u.Points).Where(p => p.Series == name)];

    public IReadOnlyList<string> Log => [.. Snapshot.Log, .. Later().SelectMany(u => u.Log)];

    private IEnumerable<RunUpdate> Later() => _updates.Where(u => u.Sequence > Snapshot.Sequence).OrderBy(u => u.Sequence).Select(u => u.Update);
}
