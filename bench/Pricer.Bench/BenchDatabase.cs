using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Data;

namespace Pricer.Bench;

/// <summary>The app's own data services over a SQLite file in a bench folder.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public string FilePath => Path.Combine(Folder, "pricer.db");

    public static async Task<BenchDatabase> OpenAsync(string folder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = folder })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPricerData(configuration, folder);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return new BenchDatabase(folder, provider);
    }

    /// <summary>Database and search files with their WAL and shared-memory files, together.</summary>
    public double SizeMegabytes() =>
        Directory.EnumerateFiles(Folder, "pricer*.db*").Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
