using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using PricerWeb.Tests.HuggingFace;

namespace PricerWeb.Tests.Runs;

public class RunsHubTests
{
    private static RemoteRunRequest Request(string dataset = RunsApp.Dataset) =>
        new(dataset, "gpu box run", RunKind.NeuralNetwork, """{"preset":"seed"}""", "gpu-box", "1.0.0");

    [Fact]
    public async Task A_remote_process_publishes_its_run_and_watchers_see_it_to_the_end()
    {
        await using var app = await RunsApp.StartAsync();
        var publisher = await app.ConnectAsync(role: null);
        var headlines = new List<RunHeadline>();
        var listWatcher = await app.ConnectAsync();
        listWatcher.On<RunHeadline>("RunHeadlineChanged", h => { lock (headlines) headlines.Add(h); });
        await listWatcher.InvokeAsync("WatchList");

        var runId = await publisher.InvokeAsync<int>("StartRemote", RunsApp.PublishKey, Request());
        var watcher = await RunWatcher.WatchAsync(await app.ConnectAsync(), runId);
        Assert.Equal(RunStatus.Running, watcher.Snapshot.Status);

        await publisher.InvokeAsync("Publish", RunsApp.PublishKey, runId, new RunUpdate
        {
            Progress = 0.25, SamplesPerSecond = 1234,
            Points = [new RunPoint(RunSeries.BatchLoss, 1, 3.5), new RunPoint(RunSeries.BatchLoss, 2, 3.1)],
            Log = ["epoch 1 of 4"],
        });
        await Eventually.TrueAsync(() => watcher.View.Series(RunSeries.BatchLoss).Count == 2);
        await publisher.InvokeAsync("Publish", RunsApp.PublishKey, runId, new RunUpdate { Status = RunStatus.Succeeded });

        var stored = await app.WaitForStatusAsync(runId, RunStatus.Succeeded);
        Assert.Equal("gpu-box", stored.StartedBy);
        await Eventually.TrueAsync(() => watcher.View.Status == RunStatus.Succeeded);
        Assert.Contains(watcher.View.Log, line => line.EndsWith("epoch 1 of 4"));
        await Eventually.TrueAsync(() => { lock (headlines) return headlines.Any(h => h.RunId == runId && h.Status == RunStatus.Succeeded); });
        lock (headlines) Assert.Contains(headlines, h => h.RunId == runId && h.Progress == 0.25);

        var ended = await Assert.ThrowsAsync<HubException>(() =>
            publisher.InvokeAsync("Publish", RunsApp.PublishKey, runId, new RunUpdate { Progress = 0.5 }));
        Assert.Contains("not a remote run in progress", ended.Message);
    }

    [Fact]
    public async Task Publishing_needs_the_shared_key_and_cannot_touch_runs_the_app_runs_itself_nor_watch_signed_out()
    {
        await using var app = await RunsApp.StartAsync();
        var publisher = await app.ConnectAsync(role: null);

        var wrongKey = await Assert.ThrowsAsync<HubException>(() => publisher.InvokeAsync<int>("StartRemote", "guess", Request()));
        Assert.Contains("publish key", wrongKey.Message);
        var unknownDataset = await Assert.ThrowsAsync<HubException>(() => publisher.InvokeAsync<int>("StartRemote", RunsApp.PublishKey, Request("nope")));
        Assert.Contains("no data set named 'nope'", unknownDataset.Message);

        var job = new GatedJob();
        var local = await app.EnqueueAsync(job);
        await job.Started;
        var hijack = await Assert.ThrowsAsync<HubException>(() =>
            publisher.InvokeAsync("Publish", RunsApp.PublishKey, local.Id, new RunUpdate { Status = RunStatus.Failed, Error = "hostile" }));
        Assert.Contains("not a remote run in progress", hijack.Message);
        var watchSignedOut = await Assert.ThrowsAsync<HubException>(() => publisher.InvokeAsync<RunSnapshot?>("Watch", local.Id));
        Assert.Contains("unauthorized", watchSignedOut.Message, StringComparison.OrdinalIgnoreCase);
        job.Open();
        Assert.Null((await app.WaitForStatusAsync(local.Id, RunStatus.Succeeded)).Error);
    }

    [Fact]
    public async Task Publishing_is_off_while_no_key_is_configured()
    {
        await using var app = await RunsApp.StartAsync(publishKey: "");
        var publisher = await app.ConnectAsync(role: null);

        var refused = await Assert.ThrowsAsync<HubException>(() => publisher.InvokeAsync<int>("StartRemote", "", Request()));

        Assert.Contains("turned off", refused.Message);
        Assert.Null(await (await app.ConnectAsync()).InvokeAsync<RunSnapshot?>("Watch", 1));
    }
}
