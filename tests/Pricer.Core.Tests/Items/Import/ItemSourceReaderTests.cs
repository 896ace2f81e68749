using Pricer.Core.Items;
using Pricer.Core.Items.Import;
using Pricer.Testing;

namespace Pricer.Core.Tests.Items.Import;

public class ItemSourceReaderTests
{
    [Fact]
    public async Task Reads_a_folder_of_split_files_in_every_format_in_name_order()
    {
        var (items, bad) = await Rows.ReadAsync(Rows.Fixture("sample"));

        Assert.Empty(bad);
        Assert.Equal(["te-001", "te-002", "te-003", "tr-001", "tr-002", "tr-003", "tr-004", "tr-005", "va-001", "va-002"], items.Select(i => i.Id));
        Assert.Equal(5, items.Count(i => i.Split == Split.Train));
        Assert.Equal(2, items.Count(i => i.Split == Split.Validation));
        Assert.Equal(3, items.Count(i => i.Split == Split.Test));
    }

    [Fact]
    public async Task Counts_the_bytes_read_up_to_the_total_of_the_files()
    {
        var files = await new ItemSourceReader([]).ResolveAsync(Rows.Fixture("sample"), Path.GetTempPath(), null, CancellationToken.None);
        var stream = ItemSourceReader.Read(files);
        var seen = new List<long>();

        await foreach (var _ in stream) seen.Add(stream.BytesRead);

        Assert.Equal(files.Sum(f => new FileInfo(f.Path).Length), stream.BytesTotal);
        Assert.Equal(stream.BytesTotal, stream.BytesRead);
        Assert.True(seen.SequenceEqual(seen.Order()), "bytes read never go back");
        Assert.True(seen[0] > 0 && seen[0] < stream.BytesTotal);
    }

    [Fact]
    public async Task Ids_must_be_unique_across_the_files_of_one_import()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("train.jsonl"), "{\"id\": \"same\", \"price\": 1, \"text\": \"a\"}\n");
        await File.WriteAllTextAsync(folder.File("test.jsonl"), "{\"id\": \"same\", \"price\": 2, \"text\": \"b\"}\n");

        var (items, bad) = await Rows.ReadAsync(folder.Path);

        Assert.Single(items);
        Rows.AssertBadRows(bad, (1, "duplicate id \"same\""));
        Assert.Equal($"{folder.Path}/train.jsonl", bad[0].File);
    }

    [Theory]
    [InlineData("no-such-file.jsonl", "no-such-file.jsonl: no such file or folder.")]
    [InlineData("hf:ed-donner/items_lite", "hf:ed-donner/items_lite: no remote data set source is available")]
    [InlineData("", "No source given")]
    public async Task Sources_that_cannot_be_found_are_clear_errors(string source, string message)
    {
        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(source));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task An_unknown_file_type_and_a_folder_without_item_files_are_clear_errors()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("items.xlsx"), "not ours");

        var fileError = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(folder.File("items.xlsx")));
        var folderError = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(folder.Path));

        Assert.Contains("items.xlsx: not a supported file type (.jsonl, .jsonl.gz, .csv or .parquet)", fileError.Message);
        Assert.Contains("the folder holds no .jsonl, .jsonl.gz, .csv or .parquet files", folderError.Message);
    }

    [Fact]
    public async Task A_remote_source_is_fetched_by_the_registered_source_that_claims_it_and_its_files_named_after_it()
    {
        var remote = new FolderRemote(Rows.Fixture("sample"));
        var reader = new ItemSourceReader([new FolderRemote("unused") { Prefix = "s3:" }, remote]);

        var files = await reader.ResolveAsync("hf:team/sample", "downloads", null, CancellationToken.None);

        Assert.Equal([("hf:team/sample", "downloads")], remote.Calls);
        Assert.Equal(["hf:team/sample/test.csv", "hf:team/sample/train.jsonl", "hf:team/sample/val.jsonl.gz"], files.Select(f => f.DisplayName));
        Assert.Equal([Split.Test, Split.Train, Split.Validation], files.Select(f => f.NameSplit));
    }

    [Theory]
    [InlineData("train.jsonl.gz", Split.Train)]
    [InlineData("data/validation-00000-of-00001.parquet", Split.Validation)]
    [InlineData("data/test-00003-of-00004.parquet", Split.Test)]
    [InlineData("default/train/0000.parquet", Split.Train)]
    [InlineData("items_dev.csv", Split.Validation)]
    [InlineData("contest-items.csv", null)]
    [InlineData("items.jsonl", null)]
    public void Finds_the_split_a_file_path_names(string path, Split? split) => Assert.Equal(split, ItemFile.SplitFromPath(path));

    [SkippableFact]
    public async Task Reads_the_course_items_without_a_bad_row()
    {
        SharedData.Require();

        var (items, bad) = await Rows.ReadAsync(SharedData.ItemsFolder);

        Assert.Empty(bad);
        Assert.Equal(7_948, items.Count(i => i.Split == Split.Train));
        Assert.Equal(1_000, items.Count(i => i.Split == Split.Validation));
        Assert.Equal(2_000, items.Count(i => i.Split == Split.Test));
        Assert.All(items, i => Assert.InRange(i.Price, 0.5, 1000));
    }

    private sealed class FolderRemote(string folder) : IRemoteDatasetSource
    {
        public string Prefix { get; init; } = "hf:";

        public List<(string Source, string DownloadRoot)> Calls { get; } = [];

        public bool CanResolve(string source) => source.StartsWith(Prefix, StringComparison.Ordinal);

        public Task<string> ResolveAsync(string source, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            Calls.Add((source, downloadRoot));
            return Task.FromResult(folder);
        }
    }
}
