using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricer.Data;

namespace Pricer.Cli.Hosting;

/// <summary>Builds the same services the web app uses, configured from appsettings.json and the global options.</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> StartAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var contentRoot = FindContentRoot();
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(GlobalOptions.DataDirectory) is { } dataDir)
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = Path.GetFullPath(dataDir);
        if (parse.GetValue(GlobalOptions.Database) is { } db)
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] = db.Contains('=') ? db : $"Data Source={Path.GetFullPath(db)}";

        var configuration = new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddPricerData(configuration, contentRoot);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        return provider;
    }

    /// <summary>The repository root when run from a clone, else the current folder (as the app does).</summary>
    private static string FindContentRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PricerWeb.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
