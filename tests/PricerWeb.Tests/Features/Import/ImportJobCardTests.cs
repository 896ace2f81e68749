using Bunit;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;
using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

public class ImportJobCardTests
{
    private static readonly ImportJob Queued = new(Guid.NewGuid(), new ImportRequest("items lite", "hf:ed-donner/items_lite"), "hf:ed-donner/items_lite", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_download_with_a_known_size_shows_a_determinate_bar_and_the_counts()
    {
        await using var ui = new ImportUiContext();
        var job = Queued with
        {
            Status = ImportJobStatus.Running,
            Progress = new ImportProgress("download", "train-00000-of-00001.parquet", 0, 0, 3L << 20, 12L << 20),
        };

        var card = ui.Render<ImportJobCard>(p => p.Add(c => c.Job, job));

        Assert.Equal("Downloading train-00000-of-00001.parquet", card.Find("[data-testid=job-stage]").TextContent);
        Assert.Equal("25", card.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.DoesNotContain("mud-progress-indeterminate", card.Find("[data-testid=job-progress]").ClassName);
        Assert.Contains("3 MB of 12 MB", card.Find("[data-testid=job-counts]").TextContent);
        Assert.NotNull(card.Find("[data-testid=cancel-job]"));
    }

    [Fact]
    public async Task Reading_without_a_known_size_shows_an_indeterminate_bar_with_items_and_bad_rows_so_far()
    {
        await using var ui = new ImportUiContext();
        var job = Queued with
        {
            Status = ImportJobStatus.Running,
            Progress = new ImportProgress("read", "train.jsonl.gz", 12_345, 7, null, null),
        };

        var card = ui.Render<ImportJobCard>(p => p.Add(c => c.Job, job));

        Assert.Equal("Reading train.jsonl.gz", card.Find("[data-testid=job-stage]").TextContent);
        Assert.Contains("mud-progress-indeterminate", card.Find("[data-testid=job-progress]").ClassName);
        Assert.Equal("12,345 items read · 7 bad rows so far", card.Find("[data-testid=job-counts]").TextContent.Trim());
    }

    [Fact]
    public async Task An_aborted_import_says_nothing_was_stored_and_lists_the_bad_rows_without_a_browse_link()
    {
        await using var ui = new ImportUiContext();
        BadRow[] badRows = [new("/data/shop/train.jsonl", 2, "broken JSON: unexpected end"), new("/data/shop/train.jsonl", 3, "price -5 is not positive")];
        var job = Queued with
        {
            Status = ImportJobStatus.Aborted,
            Error = ImportJobs.Describe(new ImportAbortedException(badRows)),
            BadRows = badRows,
        };

        var card = ui.Render<ImportJobCard>(p => p.Add(c => c.Job, job));

        Assert.Equal("Import aborted on bad rows; nothing was stored. Fix the file, or import with skip bad rows.",
            card.Find("[data-testid=job-error]").TextContent);
        var cells = card.FindAll("[data-testid=bad-rows] tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal(["train.jsonl", "2", "broken JSON: unexpected end", "train.jsonl", "3", "price -5 is not positive"], cells);
        Assert.Equal("/data/shop/train.jsonl", card.Find("[data-testid=bad-rows] tbody td").GetAttribute("title"));
        Assert.Empty(card.FindAll("[data-testid=browse-dataset]"));
        Assert.Empty(card.FindAll("[data-testid=cancel-job]"));
    }

    [Fact]
    public async Task A_failed_download_shows_the_whole_message()
    {
        await using var ui = new ImportUiContext();
        var message = ImportJobs.Describe(new HttpRequestException("Response status code does not indicate success: 404 (Not Found).", null, System.Net.HttpStatusCode.NotFound));
        var job = Queued with { Status = ImportJobStatus.Failed, Error = message };

        var card = ui.Render<ImportJobCard>(p => p.Add(c => c.Job, job));

        Assert.Equal("Download failed (404 NotFound): Response status code does not indicate success: 404 (Not Found).", card.Find("[data-testid=job-error]").TextContent);
        Assert.Equal("Failed", card.Find("[data-testid=job-status]").TextContent);
        Assert.Empty(card.FindAll("[data-testid=bad-rows]"));
    }

    [Fact]
    public async Task A_finished_import_shows_its_counts_and_links_to_the_data_set()
    {
        await using var ui = new ImportUiContext();
        var started = DateTimeOffset.UtcNow;
        var job = Queued with
        {
            Status = ImportJobStatus.Succeeded,
            Result = new ImportResult("items lite", 20_000, 1_000, 1_000, [new BadRow("test.parquet", 17, "text is empty")]),
            BadRows = [new BadRow("test.parquet", 17, "text is empty")],
            StartedAt = started,
            FinishedAt = started.AddSeconds(12.5),
        };

        var card = ui.Render<ImportJobCard>(p => p.Add(c => c.Job, job));

        Assert.Equal("Imported 20,000 train, 1,000 validation and 1,000 test items; skipped 1 bad rows in 12.5 s.",
            card.Find("[data-testid=job-result]").TextContent.Trim());
        Assert.Equal("datasets/items%20lite", card.Find("[data-testid=browse-dataset]").GetAttribute("href"));
        Assert.Single(card.FindAll("[data-testid=bad-rows] tbody tr"));
    }

    [Fact]
    public async Task Only_the_first_rows_of_a_long_bad_row_list_are_shown_with_the_full_count()
    {
        await using var ui = new ImportUiContext();
        var rows = Enumerable.Range(1, 250).Select(i => new BadRow("big.csv", i, "price is missing")).ToList();

        var table = ui.Render<BadRowsTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Total, 1_500));

        Assert.Equal(100, table.FindAll("tbody tr").Count);
        Assert.Contains("The first 100 of 1,500 bad rows.", table.Markup);
    }
}
