using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Pricer.Data;
using Pricer.Testing;
using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

public class UploadsTests
{
    [Fact]
    public async Task A_file_that_turns_out_larger_than_it_said_is_stopped_at_the_limit_and_leaves_nothing()
    {
        using var data = new TempFolder();
        var uploads = new Uploads(Options.Create(new ImportOptions { MaxUploadBytes = 1_000 }), Options.Create(new StorageOptions { DataDirectory = data.Path }));
        var liar = new BrowserFileThatUnderstatesItsSize("train.jsonl", statedSize: 10, actualBytes: 300_000);

        var error = await Assert.ThrowsAsync<UploadTooLargeException>(() => uploads.SaveAsync(liar, null, CancellationToken.None));

        Assert.Equal("train.jsonl is larger than the upload limit of 1000 bytes. Import it from a server path instead, or raise Import:MaxUploadBytes.", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "uploads")));
    }

    [Fact]
    public async Task A_hostile_file_name_is_stored_under_a_safe_name_inside_its_own_folder()
    {
        using var data = new TempFolder();
        var uploads = new Uploads(Options.Create(new ImportOptions()), Options.Create(new StorageOptions { DataDirectory = data.Path }));
        var file = new BrowserFileThatUnderstatesItsSize("../../etc/pass wd.jsonl", statedSize: 5, actualBytes: 5);
        var reported = new List<long>();

        var path = await uploads.SaveAsync(file, new InlineProgress<long>(reported.Add), CancellationToken.None);

        Assert.Equal("pass_wd.jsonl", Path.GetFileName(path));
        Assert.Equal(Path.Combine(data.Path, "uploads"), Path.GetDirectoryName(Path.GetDirectoryName(path)));
        Assert.Equal(5, new FileInfo(path).Length);
        Assert.Equal(5, reported[^1]);
    }

    private sealed class BrowserFileThatUnderstatesItsSize(string name, long statedSize, int actualBytes) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UtcNow;
        public long Size => statedSize;
        public string ContentType => "application/octet-stream";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(new byte[actualBytes]);
    }
}
