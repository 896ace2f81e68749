using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pricer.Core.Items.Import;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Talks to the Hugging Face Hub's HTTP API: lists a data set's parquet files and downloads them with resume.
/// A typed HttpClient: register it with <see cref="HuggingFaceServiceCollectionExtensions.AddHuggingFaceHub"/>.
/// </summary>
public sealed class HubClient
{
    private const int MaxPages = 10_000;
    private const string DefaultBranch = "main";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HubHttp _http;
    private readonly HubFileDownloader _downloader;
    private readonly HuggingFaceOptions _options;

    public HubClient(HttpClient http, IOptions<HuggingFaceOptions> options, ILogger<HubClient> logger)
    {
        _options = options.Value;
        _http = new HubHttp(http, _options, logger);
        _downloader = new HubFileDownloader(_http, _options, logger);
    }

    /// <summary>
    /// The data set's parquet files at its revision, from the tree API (following its pages), each with the
    /// split its path names; files that name none are left out. A repository with no parquet files of its own
    /// falls back to the Hub's automatic parquet conversion (GET /api/datasets/{owner}/{name}/parquet) when the
    /// revision is the default branch.
    /// </summary>
    /// <exception cref="HubException">Not found, not allowed, unreachable, or no parquet files.</exception>
    public async Task<HubListing> ListParquetFilesAsync(HubDatasetId dataset, CancellationToken cancellationToken)
    {
        var tree = await ListTreeAsync(dataset, cancellationToken);
        var files = FromTree(dataset, tree.Where(e => e.IsParquetFile).ToList());
        if (files.Count == 0 && dataset.Revision == DefaultBranch)
            files = await ListConvertedParquetAsync(dataset, cancellationToken);
        if (files.Count == 0)
            throw new HubException($"{dataset} has no parquet files ({tree.Count(e => e.Type == "file")} files listed). " +
                "PricerWeb imports Hub data sets published as parquet, such as hf:ed-donner/items_lite.");
        return new HubListing(dataset, files.OrderBy(f => f.Split).ThenBy(f => f.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Downloads one file to <paramref name="localPath"/> through "{localPath}.part": resumes a part left by an
    /// earlier try, checks size and sha256, and skips a file that is already complete.
    /// </summary>
    /// <param name="onBytesOnDisk">Called with the file's bytes on disk as they grow.</param>
    /// <returns>False when the file was already complete and nothing was fetched.</returns>
    public Task<bool> DownloadFileAsync(HubDatasetId dataset, HubFile file, string localPath, Action<long>? onBytesOnDisk, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(dataset, file, localPath, onBytesOnDisk, cancellationToken);

    private async Task<List<HubTreeEntry>> ListTreeAsync(HubDatasetId dataset, CancellationToken cancellationToken)
    {
        var entries = new List<HubTreeEntry>();
        Uri? page = new(_options.EndpointUri,
            $"api/datasets/{dataset.Owner}/{dataset.Name}/tree/{Uri.EscapeDataString(dataset.Revision)}?recursive=true");
        for (var pages = 0; page is not null; pages++)
        {
            if (pages == MaxPages) throw new HubException($"The Hub's file listing of {dataset} did not end after {MaxPages:N0} pages.");
            using var response = await _http.GetAsync(page, null, cancellationToken);
            if (!response.IsSuccessStatusCode) throw HubErrors.FromResponse(response, dataset, null, _options);
            entries.AddRange(await ReadJsonAsync<List<HubTreeEntry>>(response, dataset, cancellationToken) ?? []);
            page = LinkHeader.NextPage(response, page);
        }
        return entries;
    }

    /// <summary>
    /// The files whose path names a split, as the importer reads it (<see cref="ItemFile.SplitFromPath"/>); a
    /// repository of parquet files none of which names one cannot be imported, and says so.
    /// </summary>
    private List<HubFile> FromTree(HubDatasetId dataset, List<HubTreeEntry> parquet)
    {
        var entries = parquet.GroupBy(e => e.Path!).Select(g => g.First()).ToList();
        if (entries.FirstOrDefault(e => !HubPaths.IsSafeRelative(e.Path)) is { } unsafeEntry)
            throw new HubException($"The Hub listed a file of {dataset} with an unsafe path ({SafeText.Quote(unsafeEntry.Path)}); nothing was downloaded.");

        var files = entries.Where(e => ItemFile.SplitFromPath(e.Path!) is not null).Select(e => new HubFile(
            e.Path!, ItemFile.SplitFromPath(e.Path!)!.Value, e.Lfs is { Size: > 0 } lfs ? lfs.Size : e.Size,
            Sha256(e.Lfs?.Oid), ResolveUri(dataset, e.Path!))).ToList();
        if (files.Count == 0 && entries.Count > 0)
            throw new HubException($"{dataset} has parquet files, but no path names a split (train, validation or test), " +
                $"for example {SafeText.Quote(entries[0].Path)}; PricerWeb cannot tell which items are for training and which for testing.");
        return files;
    }

    private async Task<List<HubFile>> ListConvertedParquetAsync(HubDatasetId dataset, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.EndpointUri, $"api/datasets/{dataset.Owner}/{dataset.Name}/parquet");
        using var response = await _http.GetAsync(uri, null, cancellationToken);
        // The Hub answers 404 (or 400 while its viewer is unavailable) for a data set that has no conversion.
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest) return [];
        if (!response.IsSuccessStatusCode) throw HubErrors.FromResponse(response, dataset, null, _options);

        var configs = await ReadJsonAsync<Dictionary<string, Dictionary<string, List<string>>>>(response, dataset, cancellationToken);
        if (configs is null || configs.Count == 0) return [];
        var config = configs.ContainsKey("default") ? "default" : configs.Count == 1 ? configs.Keys.Single()
            : throw new HubException($"{dataset} has several configurations ({string.Join(", ", configs.Keys.Select(SafeText.Quote))}) " +
                "and none named 'default'; PricerWeb imports one data set per repository.");

        var files = new List<HubFile>();
        foreach (var (splitName, urls) in configs[config])
        {
            if (ItemFile.SplitFromPath(splitName) is not { } split) continue;
            for (var shard = 0; shard < urls.Count; shard++)
            {
                var path = $"{config}/{split.ToName()}/{shard:D4}.parquet";
                if (!HubPaths.IsSafeRelative(path) || !Uri.TryCreate(urls[shard], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                    throw new HubException($"The Hub's parquet conversion of {dataset} lists an unusable file ({SafeText.Quote(urls[shard])}).");
                files.Add(new HubFile(path, split, null, null, url));
            }
        }
        return files;
    }

    private Uri ResolveUri(HubDatasetId dataset, string path) => new(_options.EndpointUri,
        $"datasets/{dataset.Owner}/{dataset.Name}/resolve/{Uri.EscapeDataString(dataset.Revision)}/" +
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString)));

    private static string? Sha256(string? oid) =>
        oid is { Length: 64 } && oid.All(char.IsAsciiHexDigit) ? oid.ToLowerInvariant() : null;

    private async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, HubDatasetId dataset, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, timeout.Token);
        }
        catch (JsonException e)
        {
            throw new HubException($"The Hub's answer about {dataset} is not the JSON it should be: {e.Message}", response.StatusCode, e);
        }
        catch (Exception e) when (HubHttp.IsTransient(e, cancellationToken))
        {
            throw new HubException($"The Hub's answer about {dataset} broke off ({HubHttp.Describe(e)}). Try again.", null, e);
        }
    }
}
