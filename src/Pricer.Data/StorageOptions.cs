namespace Pricer.Data;

/// <summary>Where PricerWeb keeps its database and files. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for downloads, checkpoints and the embedded database; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>"Sqlite" (embedded default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A connection string; empty means the SQLite file pricer.db in the data folder.</summary>
    public string? ConnectionString { get; set; }
}
