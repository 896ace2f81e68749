using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items.Import;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Testing;
using PricerWeb.Features.Import;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Features.Import;

/// <summary>ImportJobs as the app runs it: the hosted worker and the real importer over a real SQLite file.</summary>
public class ImportJobsTests
{
    private static readonly string Sample = Path.Combine(SharedData.Fixtures, "items", "sample");
    private static readonly string BadRows = Path.Combine(SharedData.Fixtures, "items", "bad", "bad-rows.jsonl");

    [Fact]
    public async Task Imports_a_fixture_folder_and_every_listener_sees_it_queued_running_and_done()
    {
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        var seen = new List<ImportJob>();
        jobs.Changed += job => { lock (seen) seen.Add(job); };

        var queued = jobs.Enqueue(new ImportRequest("sample", Sample));
        var ended = await jobs.WhenEndedAsync(queued.Id);

        Assert.Equal(ImportJobStatus.Succeeded, ended.Status);
        Assert.Null(ended.Error);
        Assert.Equal((5, 2, 3, 0), (ended.Result!.Train, ended.Result.Validation, ended.Result.Test, ended.Result.Skipped));
        Assert.True(ended.FinishedAt >= ended.StartedAt);
        lock (seen)
        {
            Assert.Equal([ImportJobStatus.Queued, ImportJobStatus.Running, ImportJobStatus.Succeeded], seen.Select(j => j.Status).Distinct());
            Assert.Contains(seen, j => j.Progress is { Stage: "done", ItemsRead: 10 });
        }
        Assert.Equal((5, 2, 3), await CountsAsync(app, "sample"));
    }

    [Fact]
    public async Task Skipping_bad_rows_imports_the_rest_and_keeps_the_bad_rows_on_the_job()
    {
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();

        var ended = await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("mixed", BadRows, SkipBadRows: true)).Id);

        Assert.Equal(ImportJobStatus.Succeeded, ended.Status);
        Assert.Equal(17, ended.Result!.Skipped);
        Assert.Equal(new BadRow(BadRows, 2, ended.BadRows[0].Reason), ended.BadRows[0]);
        Assert.Equal(17, ended.BadRows.Count);
    }

    [Fact]
    public async Task An_abort_on_bad_rows_lists_them_as_file_line_reason_and_leaves_the_data_set_as_it_was()
    {
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("shop", Sample)).Id);
        var before = await SnapshotAsync(app);

        var ended = await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("shop", BadRows, Replace: true)).Id);

        Assert.Equal(ImportJobStatus.Aborted, ended.Status);
        Assert.StartsWith("Import aborted on bad rows; nothing was stored.", ended.Error);
        Assert.Equal(17, ended.BadRows.Count);
        var firstLines = ended.Error!.Split(Environment.NewLine).SkipWhile(l => l != "First bad rows:").Skip(1).ToList();
        Assert.Equal(ended.BadRows.Take(3).Select(b => b.ToString()), firstLines);
        Assert.StartsWith($"{BadRows}:2: ", firstLines[0]);
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Fact]
    public async Task An_existing_name_without_replace_and_a_missing_source_fail_with_clear_messages()
    {
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("shop", Sample)).Id);
        var missing = Path.Combine(app.DataDirectory, "no-such-file.jsonl");

        var taken = await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("shop", Sample)).Id);
        var absent = await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("absent", missing)).Id);

        Assert.Equal((ImportJobStatus.Failed, "A data set named 'shop' already exists. Choose another name or import with replace."), (taken.Status, taken.Error));
        Assert.Equal((ImportJobStatus.Failed, $"{missing}: no such file or folder."), (absent.Status, absent.Error));
        Assert.Equal(["shop"], await NamesAsync(app));
    }

    [Fact]
    public async Task Cancelling_a_running_import_stores_nothing_and_a_queued_one_never_starts()
    {
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();
        var big = Path.Combine(app.DataDirectory, "train.jsonl");
        await File.WriteAllLinesAsync(big, Enumerable.Range(0, 30_000).Select(i =>
            $$"""{"id": "gen-{{i}}", "title": "Generated item {{i}}", "price": {{1 + i % 500}}.5, "text": "Generated item {{i}} for the cancel test"}"""));
        ImportJob? running = null;
        // Cancel from inside the first progress report, on the importer's own thread, so the import cannot finish first.
        jobs.Changed += job =>
        {
            if (job.Id == running?.Id && job.Progress is { Stage: "read" }) jobs.Cancel(job.Id);
        };

        running = jobs.Enqueue(new ImportRequest("big", big));
        var queued = jobs.Enqueue(new ImportRequest("behind", Sample));
        Assert.True(jobs.Cancel(queued.Id));
        var cancelled = await jobs.WhenEndedAsync(running.Id);

        Assert.Equal((ImportJobStatus.Cancelled, "Cancelled; nothing was stored."), (cancelled.Status, cancelled.Error));
        Assert.InRange(cancelled.Progress!.ItemsRead, 1, 29_999);
        var skipped = jobs.Find(queued.Id)!;
        Assert.Equal((ImportJobStatus.Cancelled, null), (skipped.Status, skipped.StartedAt));
        Assert.False(jobs.Cancel(queued.Id));
        Assert.Empty(await NamesAsync(app));
    }

    [SkippableFact]
    public async Task Imports_the_course_items_from_shared_data()
    {
        SharedData.Require();
        using var app = new PricerAppFactory();
        var jobs = app.Services.GetRequiredService<ImportJobs>();

        var ended = await jobs.WhenEndedAsync(jobs.Enqueue(new ImportRequest("course-items", SharedData.ItemsFolder)).Id);

        Assert.Equal(ImportJobStatus.Succeeded, ended.Status);
        Assert.Equal((7_948, 1_000, 2_000), await CountsAsync(app, "course-items"));
    }

    private static PricerDbContext NewContext(PricerAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContext();

    private static async Task<(int, int, int)> CountsAsync(PricerAppFactory app, string name)
    {
        await using var db = NewContext(app);
        var dataset = await db.Datasets.SingleAsync(d => d.Name == name);
        var items = await db.Items.CountAsync(i => i.DatasetId == dataset.Id);
        Assert.Equal(dataset.TotalCount, items);
        return (dataset.TrainCount, dataset.ValidationCount, dataset.TestCount);
    }

    private static async Task<List<string>> NamesAsync(PricerAppFactory app)
    {
        await using var db = NewContext(app);
        return await db.Datasets.Select(d => d.Name).ToListAsync();
    }

    private static async Task<string> SnapshotAsync(PricerAppFactory app)
    {
        await using var db = NewContext(app);
        var datasets = await db.Datasets.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        var items = await db.Items.OrderBy(i => i.Id).Select(i => i.Id + ":" + i.ExternalId + ":" + i.Price).ToListAsync();
        return string.Join(";", datasets.Select(d => $"{d.Id} {d.Name} {d.ImportedAt:O} {d.TrainCount}/{d.ValidationCount}/{d.TestCount}")) + "|" + string.Join(",", items);
    }
}
