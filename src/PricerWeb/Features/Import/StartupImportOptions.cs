namespace PricerWeb.Features.Import;

/// <summary>
/// Data sets imported when the app starts, unless a data set of that name already exists. Bound from the
/// "StartupImport" section, which is a list: <c>"StartupImport": [ { "Name": "...", "Source": "..." } ]</c>.
/// </summary>
public sealed class StartupImportOptions
{
    public const string SectionName = "StartupImport";

    public List<StartupDataset> DataSets { get; } = [];
}
