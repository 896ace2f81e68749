using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Data;
using Pricer.Data.Runs.Comparison;
using Pricer.Testing;
using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

/// <summary>The data services as the app builds them, over a real SQLite file in a scratch folder, counting the SQL they send.</summary>
internal sealed class RunsDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CommandCounter _commands = new();

    private RunsDatabase()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder.Path })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPricerData(configuration, _folder.Path);
        services.ConfigureDbContext<PricerDbContext>(options => options.AddInterceptors(_commands));
        services.AddCompareFeature();
        Services = services.BuildServiceProvider();
        Seed = new RunSeeder(Services);
    }

    public ServiceProvider Services { get; }

    public RunSeeder Seed { get; }

    public RunComparison Comparison => Services.GetRequiredService<RunComparison>();

    /// <summary>SQL commands sent since the last <see cref="ResetCommandCount"/>.</summary>
    public int CommandCount => _commands.Count;

    public static async Task<RunsDatabase> CreateAsync()
    {
        var database = new RunsDatabase();
        await database.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        return database;
    }

    public void ResetCommandCount() => _commands.Count = 0;

    public PricerDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
