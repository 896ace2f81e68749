using Pricer.Core.Items;
using Pricer.Core.Items.HuggingFace;
using Pricer.Core.Items.Import;

namespace PricerWeb.Tests.HuggingFace;

public class HubDownloadTests
{
    private const string Source = "hf:ed-donner/items_lite";

    /// <summary>The small rows as the Hub lays out a pushed data set: train in two shards, one file for each other split.</summary>
    private static async Task<FakeHub> StartHubAsync(Action<FakeHub>? configure = null)
    {
        var splits = HubItemRow.SmallSplits();
        var train = splits["train"];
        var hub = await FakeHub.StartAsync(configure);
        hub.Files["data/train-00000-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[..2]);
        hub.Files["data/train-00001-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[2..]);
        hub.Files["data/validation-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["validation"]);
        hub.Files["data/test-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["test"]);
        return hub;
    }

    [Fact]
    public async Task Lists_every_page_of_the_tree_and_downloads_each_split_byte_for_byte()
    {
        await using var hub = await StartHubAsync(h => h.PageSize = 2);
        using var services = new HubTestServices(hub);
        var progress = new RecordingProgress();

        var folder = await services.ResolveAsync(Source, progress);

        Assert.Equal(Path.Combine(services.Downloads.Path, "hf", "ed-donner", "items_lite", "main"), folder);
        foreach (var (path, content) in hub.Files)
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(folder, path)));
        Assert.Empty(Directory.GetFiles(folder, "*.part", SearchOption.AllDirectories));
        Assert.Equal(4, hub.ListingRequests.Count()); // 2 files + 1 folder + 4 parquet = 7 entries, 2 a page
        Assert.Contains(hub.ListingRequests, r => r.Path.Contains("cursor=6"));

        var total = hub.Files.Values.Sum(c => (long)c.Length);
        Assert.All(progress.Reports, p => Assert.Equal(("download", total), (p.Stage, p.BytesTotal)));
        Assert.Equal(total, progress.Reports.Last().BytesDone);
        Assert.Equal(progress.Reports.Select(p => p.BytesDone).Order(), progress.Reports.Select(p => p.BytesDone));
        Assert.Equal(hub.Files.Keys.Order(), progress.Reports.Select(p => p.File!).Distinct().Order());
    }

    [Fact]
    public async Task Groups_the_listed_files_by_split_with_sizes_and_sha256()
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);

        var listing = await services.Client.ListParquetFilesAsync(HubDatasetId.Parse(Source, "main"), CancellationToken.None);

        Assert.Equal(["data/train-00000-of-00002.parquet", "data/train-00001-of-00002.parquet"], listing.FilesOf(Split.Train).Select(f => f.Path));
        Assert.Equal(["data/validation-00000-of-00001.parquet"], listing.FilesOf(Split.Validation).Select(f => f.Path));
        Assert.Equal(["data/test-00000-of-00001.parquet"], listing.FilesOf(Split.Test).Select(f => f.Path));
        Assert.All(listing.Files, f =>
        {
            Assert.Equal(hub.Files[f.Path].Length, f.Size);
            Assert.Equal(FakeHub.Sha256(hub.Files[f.Path]), f.Sha256);
            Assert.Equal(new Uri(hub.Endpoint, $"datasets/ed-donner/items_lite/resolve/main/{f.Path}"), f.DownloadUri);
        });
    }

    [Fact]
    public async Task Leaves_out_parquet_files_whose_path_names_no_split()
    {
        await using var hub = await StartHubAsync();
        hub.Files["extras/embeddings.parquet"] = [1, 2, 3];
        using var services = new HubTestServices(hub);

        var folder = await services.ResolveAsync(Source);

        Assert.False(File.Exists(Path.Combine(folder, "extras/embeddings.parquet")));
        Assert.DoesNotContain(hub.Requests, r => r.Path.Contains("embeddings"));
        Assert.Equal(4, Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Resumes_a_dropped_download_from_the_byte_where_it_stopped()
    {
        const string dropped = "data/train-00000-of-00002.parquet";
        HubTestServices? services = null;
        await using var hub = await StartHubAsync();
        var stopAt = hub.Files[dropped].Length / 2;
        // The hub drops the connection only once the client has written every byte sent so far.
        hub.DropOnce = (dropped, stopAt, () => Eventually.TrueAsync(() =>
            new FileInfo(Path.Combine(services!.Downloads.Path, "hf/ed-donner/items_lite/main", dropped + ".part")) is { Exists: true } part && part.Length == stopAt));
        services = new HubTestServices(hub);
        using var _ = services;

        var folder = await services.ResolveAsync(Source);

        Assert.Equal(hub.Files[dropped], await File.ReadAllBytesAsync(Path.Combine(folder, dropped)));
        var downloads = hub.CdnRequests.Where(r => r.Path.Contains(FakeHub.Sha256(hub.Files[dropped]))).ToList();
        Assert.Equal([null, $"bytes={stopAt}-"], downloads.Select(r => r.Range));
    }

    [Fact]
    public async Task A_download_that_stalls_is_given_up_after_the_read_timeout_and_resumed()
    {
        const string stalled = "data/validation-00000-of-00001.parquet";
        await using var hub = await StartHubAsync();
        hub.DropOnce = (stalled, 200, () => Task.CompletedTask);
        hub.StallInsteadOfDrop = true;
        using var services = new HubTestServices(hub, settings: new() { ["HuggingFace:ReadTimeout"] = "00:00:00.300" });

        var folder = await services.ResolveAsync(Source);

        Assert.Equal(hub.Files[stalled], await File.ReadAllBytesAsync(Path.Combine(folder, stalled)));
        Assert.Contains(hub.CdnRequests, r => r.Range == "bytes=200-");
        Assert.Contains(services.Logs.Lines, l => l.Contains("broke off at byte 200 (no answer in time)"));
    }

    [Fact]
    public async Task Resumes_a_part_left_by_an_earlier_run_and_restarts_when_the_server_ignores_the_range()
    {
        const string file = "data/test-00000-of-00001.parquet";
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);
        var part = Path.Combine(services.Downloads.Path, "hf/ed-donner/items_lite/main", file + ".part");
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        await File.WriteAllBytesAsync(part, hub.Files[file][..100]);

        await services.ResolveAsync(Source);
        Assert.Contains(hub.CdnRequests, r => r.Range == "bytes=100-");

        File.Delete(part[..^".part".Length]);
        await File.WriteAllBytesAsync(part, new byte[100]); // junk the server will not be asked to continue
        hub.IgnoreRange = true;
        var folder = await services.ResolveAsync(Source);

        Assert.Equal(hub.Files[file], await File.ReadAllBytesAsync(Path.Combine(folder, file)));
        Assert.False(File.Exists(part));
    }

    [Fact]
    public async Task A_second_run_downloads_nothing_when_every_file_is_complete()
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);
        var first = await services.ResolveAsync(Source);
        var cdnRequests = hub.CdnRequests.Count();
        var progress = new RecordingProgress();

        var second = await services.ResolveAsync(Source, progress);

        Assert.Equal(first, second);
        Assert.Equal(4, cdnRequests);
        Assert.Equal(cdnRequests, hub.CdnRequests.Count());
        Assert.DoesNotContain(hub.Requests, r => r.Path.Contains("/resolve/") && r.At > hub.ListingRequests.Last().At);
        Assert.Equal(hub.Files.Values.Sum(c => (long)c.Length), progress.Reports.Last().BytesDone);
    }

    [Fact]
    public async Task Removes_parquet_files_the_hub_no_longer_lists()
    {
        await using var hub = await StartHubAsync();
        using var services = new HubTestServices(hub);
        var folder = await services.ResolveAsync(Source);
        hub.Files["data/train-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(HubItemRow.SmallSplits()["train"]);
        hub.Files.Remove("data/train-00000-of-00002.parquet");
        hub.Files.Remove("data/train-00001-of-00002.parquet");

        await services.ResolveAsync(Source);

        Assert.Equal(["test-00000-of-00001.parquet", "train-00000-of-00001.parquet", "validation-00000-of-00001.parquet"],
            Directory.GetFiles(Path.Combine(folder, "data")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Waits_as_long_as_Retry_After_asks_when_rate_limited()
    {
        await using var hub = await StartHubAsync(h => h.RateLimitFirstListing = true);
        using var services = new HubTestServices(hub);

        await services.ResolveAsync(Source);

        var listings = hub.ListingRequests.ToList();
        Assert.Equal(2, listings.Count);
        Assert.True(listings[1].At - listings[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {listings[1].At - listings[0].At}");
        Assert.Contains(services.Logs.Lines, l => l.Contains("Hub answered 429"));
    }

    [Fact]
    public async Task Falls_back_to_the_hubs_parquet_conversion_when_the_repository_has_no_parquet_files()
    {
        var splits = HubItemRow.SmallSplits();
        await using var hub = await FakeHub.StartAsync();
        hub.Converted["train"] = [await HubItemRow.ToParquetAsync(splits["train"][..1]), await HubItemRow.ToParquetAsync(splits["train"][1..])];
        hub.Converted["test"] = [await HubItemRow.ToParquetAsync(splits["test"])];
        using var services = new HubTestServices(hub);
        // A part as long as the whole file: the size is not listed, so only the server's 416 can say it is complete.
        var part = Path.Combine(services.Downloads.Path, "hf/ed-donner/items_lite/main/default/test/0000.parquet.part");
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        await File.WriteAllBytesAsync(part, hub.Converted["test"][0]);

        var folder = await services.ResolveAsync(Source);

        Assert.Equal(hub.Converted["train"][1], await File.ReadAllBytesAsync(Path.Combine(folder, "default/train/0001.parquet")));
        Assert.Equal(hub.Converted["test"][0], await File.ReadAllBytesAsync(Path.Combine(folder, "default/test/0000.parquet")));
        Assert.Contains(hub.CdnRequests, r => r.Range == $"bytes={hub.Converted["test"][0].Length}-");
    }

    [Fact]
    public async Task A_file_whose_sha256_does_not_match_is_discarded_with_a_clear_message()
    {
        await using var hub = await StartHubAsync();
        hub.WrongSha.Add("data/validation-00000-of-00001.parquet");
        using var services = new HubTestServices(hub);

        var error = await services.ResolveFailsAsync(Source);

        Assert.Contains("data/validation-00000-of-00001.parquet", error.Message);
        Assert.Contains("corrupt", error.Message);
        var folder = Path.Combine(services.Downloads.Path, "hf/ed-donner/items_lite/main/data");
        Assert.False(File.Exists(Path.Combine(folder, "validation-00000-of-00001.parquet")));
        Assert.Equal(0, new FileInfo(Path.Combine(folder, "validation-00000-of-00001.parquet.part")).Length);
    }
}
