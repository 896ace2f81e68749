namespace PricerWeb.Features.Import;

/// <summary>One entry of <see cref="StartupImportOptions"/>.</summary>
public sealed class StartupDataset
{
    public string Name { get; set; } = "";

    /// <summary>A file, a folder of split files (relative paths start at the content root) or "hf:owner/name".</summary>
    public string Source { get; set; } = "";

    public bool SkipBadRows { get; set; }
}
