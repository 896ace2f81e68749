using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MudBlazor.Services;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Testing;
using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

/// <summary>
/// A bUnit context with the import feature's real services over a real SQLite file. The ImportJobs worker is
/// not started, so queued jobs stay queued and the tests see exactly what the page asked for.
/// </summary>
internal sealed class ImportUiContext : BunitContext
{
    private readonly TempFolder _data = new();

    public ImportUiContext(long? maxUploadBytes = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path };
        if (maxUploadBytes is { } max) settings["Import:MaxUploadBytes"] = max.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Services.AddLogging();
        Services.AddMudServices();
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = SharedData.RepoRoot, EnvironmentName = "Testing" });
        Services.AddPricerData(configuration, SharedData.RepoRoot);
        Services.AddImportFeature(configuration);
        Services.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
    }

    public string DataDirectory => _data.Path;

    public ImportJobs Jobs => Services.GetRequiredService<ImportJobs>();

    public void AddDataset(string name)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContext();
        db.Datasets.Add(new Dataset { Name = name, Source = "fixture", ImportedAt = DateTimeOffset.UtcNow, TrainCount = 3, ValidationCount = 1, TestCount = 1 });
        db.SaveChanges();
    }

    // MudBlazor's services only dispose asynchronously: use `await using`.
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
