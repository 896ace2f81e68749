using System.CommandLine;

namespace Pricer.Cli.Hosting;

/// <summary>Options every command accepts: where the database and the data folder are.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite file path or a connection string (default: the app's, pricer.db in the data folder)",
        Recursive = true,
    };

    public static readonly Option<string?> DataDirectory = new("--data-dir")
    {
        Description = "Data folder for downloads, checkpoints and the embedded database",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print a single JSON object as the last line" };
}
