using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricer.Core.Items.Import;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Fetches "hf:owner/name" or "hf:owner/name@revision" from the Hugging Face Hub into
/// {downloadRoot}/hf/{owner}/{name}/{revision}/, keeping the repository's paths
/// ("data/train-00000-of-00001.parquet"), from which the importer reads each file's split.
/// Download progress is reported with Stage "download" and bytes across all the data set's files.
/// </summary>
public sealed class HubDatasetSource(HubClient client, IOptions<HuggingFaceOptions> options, ILogger<HubDatasetSource> logger)
    : IRemoteDatasetSource
{
    public bool CanResolve(string source) => HubDatasetId.IsHubSource(source);

    /// <exception cref="ItemSourceException">
    /// The source is not a well-formed "hf:owner/name[@revision]" (inner <see cref="ArgumentException"/>), or the Hub
    /// refused, could not be reached, or has no parquet files for it (inner <see cref="HubException"/>). The message
    /// says what to do; files already downloaded stay, and the next import resumes from them.
    /// </exception>
    public async Task<string> ResolveAsync(string source, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await DownloadAsync(HubDatasetId.Parse(source, options.Value.Revision), downloadRoot, progress, cancellationToken);
        }
        catch (Exception e) when (e is HubException or ArgumentException)
        {
            throw new ItemSourceException(e.Message, e);
        }
    }

    private async Task<string> DownloadAsync(HubDatasetId dataset, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var listing = await client.ListParquetFilesAsync(dataset, cancellationToken);
        var folder = HubPaths.DatasetFolder(downloadRoot, dataset);
        var reporter = new DownloadProgressReporter(progress, listing.TotalBytes, options.Value.ProgressInterval);

        var downloaded = 0;
        foreach (var file in listing.Files)
        {
            var target = HubPaths.LocalFile(folder, file.Path);
            if (await client.DownloadFileAsync(dataset, file, target, bytes => reporter.OnBytes(file.Path, bytes), cancellationToken))
                downloaded++;
            reporter.OnFileDone(file.Path, new FileInfo(target).Length);
        }
        RemoveFilesNoLongerListed(folder, listing);
        logger.LogInformation("{Dataset}: {Downloaded} of {Files} parquet file(s) downloaded, the rest already complete, in {Folder}",
            dataset, downloaded, listing.Files.Count, folder);
        return folder;
    }

    /// <summary>
    /// The folder is this source's own cache; a parquet file left from an older listing (a re-sharded split,
    /// say) would otherwise be imported alongside the current ones.
    /// </summary>
    private static void RemoveFilesNoLongerListed(string folder, HubListing listing)
    {
        var listed = listing.Files.Select(f => HubPaths.LocalFile(folder, f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parquet.part", StringComparison.OrdinalIgnoreCase))
                                 && !listed.Contains(f))
                     .ToList())
            File.Delete(stale);
    }
}
