using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Testing;
using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

public class BaselineJobsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Baselines_train_in_the_background_and_each_is_stored_as_a_run_as_soon_as_it_is_trained()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var fixture = await ImportFixtureAsync(database, "fixture");
        var jobs = await StartAsync(database);
        var snapshots = new List<BaselineJob>();
        jobs.Changed += job => { lock (snapshots) snapshots.Add(job); };

        var queued = jobs.Enqueue("fixture", ["Constant", "random"], "eve");
        var done = await WhenEndedAsync(jobs, queued.Id);

        Assert.Equal(BaselineJobStatus.Succeeded, done.Status);
        Assert.Equal(["constant", "random"], done.Baselines);
        Assert.Equal(2, done.RunIds.Count);
        lock (snapshots)
        {
            Assert.Contains(snapshots, s => s.Status == BaselineJobStatus.Running && s.RunIds.Count == 1);
            Assert.Contains(snapshots, s => s.Progress == $"training random on {fixture.Train} items");
        }
        await using var db = database.NewContext();
        var runs = await db.Runs.Where(r => done.RunIds.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["constant", "random"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal((RunKind.Baseline, RunStatus.Succeeded, "eve"), (r.Kind, r.Status, r.StartedBy)));
        Assert.Equal(fixture.Validation + fixture.Test, await db.Predictions.CountAsync(p => p.RunId == runs[0].Id));
        await jobs.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_on_a_data_set_that_does_not_exist_fails_and_says_why()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var jobs = await StartAsync(database);

        var done = await WhenEndedAsync(jobs, jobs.Enqueue("nope", ["constant"], "eve").Id);

        Assert.Equal(BaselineJobStatus.Failed, done.Status);
        Assert.Equal("There is no data set named 'nope'.", done.Error);
        await jobs.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Unknown_baselines_are_refused_with_the_known_names_and_nothing_is_queued()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var jobs = database.Services.GetRequiredService<BaselineJobs>();

        var error = Assert.Throws<ArgumentException>(() => jobs.Enqueue("fixture", ["constant", "gpt-9"], "eve"));

        Assert.StartsWith("Unknown baseline 'gpt-9'. Known baselines: random, constant,", error.Message);
        Assert.Empty(jobs.Recent);
    }

    [Fact]
    public async Task A_queued_job_cancelled_before_it_starts_never_runs()
    {
        await using var database = await RunsDatabase.CreateAsync();
        var jobs = database.Services.GetRequiredService<BaselineJobs>();
        var job = jobs.Enqueue("fixture", null, "eve");

        Assert.True(jobs.Cancel(job.Id));

        var cancelled = Assert.Single(jobs.Recent);
        Assert.Equal(BaselineJobStatus.Cancelled, cancelled.Status);
        Assert.Equal(6, cancelled.Baselines.Count);
        Assert.False(jobs.Cancel(job.Id));
        Assert.False(jobs.Cancel(Guid.NewGuid()));
    }

    internal static async Task<ImportResult> ImportFixtureAsync(RunsDatabase database, string name) =>
        await database.Services.GetRequiredService<IDatasetImporter>().ImportAsync(
            new ImportRequest(name, Path.Combine(SharedData.Fixtures, "items", "sample")), null, CancellationToken.None);

    private static async Task<BaselineJobs> StartAsync(RunsDatabase database)
    {
        var jobs = database.Services.GetRequiredService<BaselineJobs>();
        await jobs.StartAsync(CancellationToken.None);
        return jobs;
    }

    private static async Task<BaselineJob> WhenEndedAsync(BaselineJobs jobs, Guid id)
    {
        var ended = new TaskCompletionSource<BaselineJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(BaselineJob job)
        {
            if (job.Id == id && !job.IsActive) ended.TrySetResult(job);
        }
        jobs.Changed += OnChanged;
        try
        {
            if (jobs.Recent.FirstOrDefault(j => j.Id == id && !j.IsActive) is { } already) return already;
            return await ended.Task.WaitAsync(Timeout);
        }
        finally
        {
            jobs.Changed -= OnChanged;
        }
    }
}
