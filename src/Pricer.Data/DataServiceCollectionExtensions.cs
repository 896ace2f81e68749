using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pricer.Core.Items.HuggingFace;
using Pricer.Core.Items.Import;
using Pricer.Data.Accounts;
using Pricer.Data.Datasets;
using Pricer.Data.Embeddings;
using Pricer.Data.Guessing;
using Pricer.Data.Items;
using Pricer.Data.Items.Browsing;
using Pricer.Data.Lora;
using Pricer.Data.Llm;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;
using Pricer.Data.Training;

namespace Pricer.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext factory and storage services shared by the app and the CLI.</summary>
    public static IServiceCollection AddPricerData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, contentRoot));
        services.AddDbContextFactory<PricerDbContext>((sp, db) =>
            Configure(db, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<DatabaseInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunLifecycle>();
        services.AddSingleton<RunList>();
        services.AddSingleton<PredictionImporter>();
        services.AddSingleton<RunEvaluator>();
        services.AddSingleton<SplitItems>();
        services.AddSingleton<BaselineRunner>();
        services.AddSingleton<NetworkRunner>();
        services.AddSingleton<LoraRunner>();
        services.AddHuggingFaceHub(configuration);
        services.AddSingleton<ItemSourceReader>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<IDatasetImporter, DatasetImporter>();
        services.AddSingleton<ItemBrowser>();
        services.AddSingleton<ItemStatisticsReader>();
        services.AddSingleton<RunComparison>();
        services.AddEmbeddings(configuration);
        services.AddLlmRuns(configuration);
        services.AddSingleton<AccountSettings>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<GuessService>();
        services.AddSingleton<CampaignScores>();
        services.AddSingleton<CampaignSheets>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, StorageOptions storage)
    {
        if (storage.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException("PostgreSQL storage is not available yet; use the embedded SQLite default.");
        db.UseSqlite(SqliteConnectionString(storage), sqlite => sqlite.CommandTimeout(300))
            .AddInterceptors(SearchDatabaseAttacher.Instance);
    }

    public static string SqliteConnectionString(StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString)) return storage.ConnectionString;
        Directory.CreateDirectory(storage.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(storage.DataDirectory, "pricer.db"),
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }
}
