namespace Pricer.Core.Items.HuggingFace;

/// <summary>The parquet files of a Hub data set, in split and path order.</summary>
public sealed record HubListing(HubDatasetId Dataset, IReadOnlyList<HubFile> Files)
{
    /// <summary>Total bytes to download, or null when the Hub did not give every file's size.</summary>
    public long? TotalBytes => Files.All(f => f.Size.HasValue) ? Files.Sum(f => f.Size!.Value) : null;

    public IReadOnlyList<HubFile> FilesOf(Split split) => Files.Where(f => f.Split == split).ToList();
}
