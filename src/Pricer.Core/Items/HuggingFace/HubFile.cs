namespace Pricer.Core.Items.HuggingFace;

/// <summary>One parquet file of a Hub data set.</summary>
/// <param name="Path">Its path in the repository ("data/train-00000-of-00001.parquet"); also its place in the local folder.</param>
/// <param name="Size">Its size in bytes, where the Hub says.</param>
/// <param name="Sha256">The LFS sha256 of its content, where the Hub says; the download is checked against it.</param>
public sealed record HubFile(string Path, Split Split, long? Size, string? Sha256, Uri DownloadUri);
