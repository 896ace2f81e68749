using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.HuggingFace;
using Pricer.Testing;

namespace PricerWeb.Tests.Runs;

public class RunQueueTests
{
    [Fact]
    public async Task A_job_reports_to_hub_watchers_live_and_a_late_joiner_gets_the_history_so_far()
    {
        await using var app = await RunsApp.StartAsync();
        var job = new GatedJob();
        var run = await app.EnqueueAsync(job);
        Assert.Equal(RunStatus.Queued, run.Status);

        var early = await RunWatcher.WatchAsync(await app.ConnectAsync(), run.Id);
        await job.Started;
        await Eventually.TrueAsync(() => early.Series(RunSeries.BatchLoss).Count == 3 && early.Status == RunStatus.Running);
        Assert.Equal(RunStatus.Running, (await app.Store.FindAsync(run.Id, default))!.Status);

        var late = await RunWatcher.WatchAsync(await app.ConnectAsync(), run.Id);
        Assert.Equal([10.0, 5.0, 10.0 / 3], late.Snapshot.Series[RunSeries.BatchLoss].Select(p => p.Y));
        Assert.Equal(0.5, late.Snapshot.Progress);
        Assert.Contains(late.Snapshot.Log, line => line.EndsWith("waiting at the gate"));

        job.Open();
        await app.WaitForStatusAsync(run.Id, RunStatus.Succeeded);
        foreach (var watcher in new[] { early, late })
        {
            await Eventually.TrueAsync(() => watcher.Status == RunStatus.Succeeded);
            Assert.Equal(3, watcher.Series(RunSeries.BatchLoss).Count);
            Assert.Equal([2.5], watcher.Series(RunSeries.ValidationLoss).Select(p => p.Y));
        }

        // After the end the history comes from what was saved with the run.
        var afterwards = await RunWatcher.WatchAsync(await app.ConnectAsync(), run.Id);
        Assert.Equal(RunStatus.Succeeded, afterwards.Snapshot.Status);
        Assert.Equal(1, afterwards.Snapshot.Progress);
        Assert.Equal(3, afterwards.Snapshot.Series[RunSeries.BatchLoss].Count);
        Assert.Contains(afterwards.Snapshot.Log, line => line.EndsWith("waiting at the gate"));
    }

    [Fact]
    public async Task A_throwing_job_ends_failed_with_its_message()
    {
        await using var app = await RunsApp.StartAsync();
        var run = await app.EnqueueAsync(new ScriptedJob((_, _) => throw new InvalidDataException("the loss became NaN at step 17")));

        var failed = await app.WaitForStatusAsync(run.Id, RunStatus.Failed);

        Assert.Equal("the loss became NaN at step 17", failed.Error);
        Assert.NotNull(failed.FinishedAtUtc);
        var snapshot = await app.Services.GetRequiredService<RunMonitor>().SnapshotAsync(run.Id, default);
        Assert.Contains(snapshot!.Log, line => line.Contains("the loss became NaN at step 17"));
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_and_drops_a_queued_one_before_it_starts()
    {
        await using var app = await RunsApp.StartAsync();
        var running = new GatedJob();
        var waiting = new GatedJob();
        var first = await app.EnqueueAsync(running, "first");
        var second = await app.EnqueueAsync(waiting, "second");
        await running.Started;

        Assert.True(await app.Queue.CancelAsync(second.Id));
        var dropped = await app.WaitForStatusAsync(second.Id, RunStatus.Cancelled);
        Assert.Equal("Cancelled before it started.", dropped.Error);

        Assert.True(await app.Queue.CancelAsync(first.Id));
        await app.WaitForStatusAsync(first.Id, RunStatus.Cancelled);
        Assert.False(running.Finished);
        Assert.False(waiting.Started.IsCompleted);
        Assert.False(await app.Queue.CancelAsync(first.Id));
    }

    [Fact]
    public async Task A_network_job_runs_while_the_compute_lane_is_busy()
    {
        await using var app = await RunsApp.StartAsync();
        var training = new GatedJob(RunLanes.Compute);
        var queuedTraining = new GatedJob(RunLanes.Compute);
        var llm = new GatedJob(RunLanes.Network);
        var trainingRun = await app.EnqueueAsync(training);
        var queuedRun = await app.EnqueueAsync(queuedTraining);
        await training.Started;
        var llmRun = await app.EnqueueAsync(llm);

        await llm.Started;
        llm.Open();
        await app.WaitForStatusAsync(llmRun.Id, RunStatus.Succeeded);
        Assert.Equal(RunStatus.Queued, (await app.Store.FindAsync(queuedRun.Id, default))!.Status);

        training.Open();
        await queuedTraining.Started;
        queuedTraining.Open();
        await app.WaitForStatusAsync(queuedRun.Id, RunStatus.Succeeded);
        Assert.Equal(RunStatus.Succeeded, (await app.Store.FindAsync(trainingRun.Id, default))!.Status);
    }

    [Fact]
    public async Task After_a_restart_a_running_run_is_interrupted_and_resuming_it_adds_only_the_missing_predictions()
    {
        using var folder = new TempFolder();
        int runId;
        await using (var first = await RunsApp.StartAsync(folder.Path))
        {
            var itemIds = await ItemIdsAsync(first);
            var job = new PredictingJob(itemIds, stopAfter: 2);
            var run = await first.EnqueueAsync(job);
            runId = run.Id;
            await job.Stopped;
        }

        var resumedJob = new PredictingJob(null, stopAfter: null);
        await using var second = await RunsApp.StartAsync(folder.Path, services =>
            services.AddSingleton<IRunJobFactory>(new PredictingJobFactory(resumedJob)));
        var interrupted = await second.WaitForStatusAsync(runId, RunStatus.Interrupted);
        Assert.Equal(RunLifecycle.InterruptedMessage, interrupted.Error);
        Assert.Equal(2, (await second.Store.PredictionsAsync(runId, default)).Count);

        resumedJob.ItemIds = await ItemIdsAsync(second);
        await second.Queue.ResumeAsync(runId, default);
        await second.WaitForStatusAsync(runId, RunStatus.Succeeded);

        Assert.True(resumedJob.SawResumed);
        Assert.Equal(2, resumedJob.AlreadyStored);
        var predictions = await second.Store.PredictionsAsync(runId, default);
        Assert.Equal(resumedJob.ItemIds.Order(), predictions.Keys.Order());
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.Queue.ResumeAsync(runId, default));
    }

    private static async Task<IReadOnlyList<long>> ItemIdsAsync(RunsApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        return await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
    }

    /// <summary>
    /// Stores one prediction per item (all of them again when resumed, as a job that cannot tell which it has);
    /// with stopAfter it waits, never finishing, after that many.
    /// </summary>
    private sealed class PredictingJob(IReadOnlyList<long>? itemIds, int? stopAfter) : IRunJob
    {
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<long> ItemIds { get; set; } = itemIds ?? [];

        public Task Stopped => _stopped.Task;

        public bool SawResumed { get; private set; }

        public int AlreadyStored { get; private set; }

        public string Lane => RunLanes.Compute;

        public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
        {
            SawResumed = context.Resumed;
            var count = stopAfter ?? ItemIds.Count;
            var added = await context.AppendPredictionsAsync(ItemIds.Take(count).Select(id => new Prediction { ItemId = id, Guess = 12 }).ToList(), cancellationToken);
            AlreadyStored = count - added;
            if (stopAfter is null) return;
            _stopped.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private sealed class PredictingJobFactory(PredictingJob job) : IRunJobFactory
    {
        public bool Handles(PricerRun run) => run.Configuration.Contains("scripted");

        public IRunJob Create(PricerRun run) => job;
    }
}
