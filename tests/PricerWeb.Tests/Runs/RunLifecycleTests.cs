using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;
using PricerWeb.Tests.Compare;

namespace PricerWeb.Tests.Runs;

public class RunLifecycleTests
{
    private static async Task<(RunsDatabase Database, RunLifecycle Lifecycle)> DatabaseAsync()
    {
        var database = await RunsDatabase.CreateAsync();
        await database.Seed.DatasetAsync(RunsApp.Dataset, new TestItem("a", Split.Test, 5), new TestItem("b", Split.Test, 6), new TestItem("c", Split.Test, 7));
        return (database, database.Services.GetRequiredService<RunLifecycle>());
    }

    [Fact]
    public async Task A_run_goes_queued_running_succeeded_and_a_finished_run_does_not_change_again()
    {
        var (database, lifecycle) = await DatabaseAsync();
        await using var _ = database;
        var store = database.Services.GetRequiredService<RunStore>();

        var run = await lifecycle.CreateQueuedAsync(RunsApp.NewRun(), default);
        Assert.Equal(RunStatus.Queued, (await store.FindAsync(run.Id, default))!.Status);
        Assert.True(await lifecycle.MarkRunningAsync(run.Id, default));
        Assert.False(await lifecycle.MarkRunningAsync(run.Id, default));
        await lifecycle.SaveProgressAsync(run.Id, 0.4, default);
        Assert.Equal(0.4, (await store.FindAsync(run.Id, default))!.Progress);

        Assert.True(await lifecycle.FinishAsync(run.Id, RunStatus.Succeeded, null, default));
        Assert.False(await lifecycle.FinishAsync(run.Id, RunStatus.Cancelled, "too late", default));
        var finished = (await store.FindAsync(run.Id, default))!;
        Assert.Equal((RunStatus.Succeeded, 1.0, (string?)null), (finished.Status, finished.Progress, finished.Error));
        Assert.NotNull(finished.FinishedAtUtc);
        Assert.False(await lifecycle.RequeueAsync(run.Id, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => lifecycle.FinishAsync(run.Id, RunStatus.Running, null, default));
    }

    [Fact]
    public async Task Appending_predictions_again_stores_each_item_once_and_keeps_the_first_guess()
    {
        var (database, lifecycle) = await DatabaseAsync();
        await using var _ = database;
        var run = await lifecycle.CreateQueuedAsync(RunsApp.NewRun(), default);
        var items = (await database.Services.GetRequiredService<Pricer.Data.Items.SplitItems>().LoadAsync(1, Split.Test, default)).Select(i => i.RowId).ToList();

        Assert.Equal(2, await lifecycle.AppendPredictionsAsync(run.Id, [new() { ItemId = items[0], Guess = 1 }, new() { ItemId = items[1], Guess = 2 }], default));
        Assert.Equal(1, await lifecycle.AppendPredictionsAsync(run.Id,
            [new() { ItemId = items[1], Guess = 99 }, new() { ItemId = items[2], Guess = 3 }, new() { ItemId = items[2], Guess = 4 }], default));

        var stored = await database.Services.GetRequiredService<RunStore>().PredictionsAsync(run.Id, default);
        Assert.Equal([1.0, 2.0, 3.0], items.Select(id => stored[id].Guess));
    }

    [Fact]
    public async Task Unfinished_runs_become_interrupted_and_only_ended_runs_can_be_queued_again()
    {
        var (database, lifecycle) = await DatabaseAsync();
        await using var _ = database;
        var queued = await lifecycle.CreateQueuedAsync(RunsApp.NewRun("queued"), default);
        var running = await lifecycle.CreateQueuedAsync(RunsApp.NewRun("running"), default);
        await lifecycle.MarkRunningAsync(running.Id, default);
        var done = await lifecycle.CreateQueuedAsync(RunsApp.NewRun("done"), default);
        await lifecycle.FinishAsync(done.Id, RunStatus.Failed, "broken", default);

        Assert.Equal([queued.Id, running.Id], (await lifecycle.InterruptUnfinishedAsync(default)).Order());
        var store = database.Services.GetRequiredService<RunStore>();
        Assert.Equal(RunStatus.Interrupted, (await store.FindAsync(running.Id, default))!.Status);
        Assert.Equal("broken", (await store.FindAsync(done.Id, default))!.Error);

        Assert.True(await lifecycle.RequeueAsync(running.Id, default));
        Assert.True(await lifecycle.RequeueAsync(done.Id, default));
        var requeued = (await store.FindAsync(done.Id, default))!;
        Assert.Equal((RunStatus.Queued, (string?)null, (DateTime?)null), (requeued.Status, requeued.Error, requeued.FinishedAtUtc));
        Assert.False(await lifecycle.RequeueAsync(done.Id, default));
    }
}
