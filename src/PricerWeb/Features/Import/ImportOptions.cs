namespace PricerWeb.Features.Import;

/// <summary>Limits for imports started from the browser. Bound from the "Import" section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// The largest file a browser may upload (2 GiB by default). The same number is the upload's
    /// maxAllowedSize and the limit while copying; the file arrives in small SignalR chunks, so the hub's
    /// message size and Kestrel's request body limit do not apply to it.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
