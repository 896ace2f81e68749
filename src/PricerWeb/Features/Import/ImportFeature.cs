namespace PricerWeb.Features.Import;

public static class ImportFeature
{
    /// <summary>Background imports, uploads, the configured start-up imports and interrupted search indexes.</summary>
    public static IServiceCollection AddImportFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName));
        services.AddOptions<StartupImportOptions>()
            .Configure(options => configuration.GetSection(StartupImportOptions.SectionName).Bind(options.DataSets));
        services.AddSingleton<ImportSources>();
        services.AddSingleton<Uploads>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<ImportJobs>());
        services.AddHostedService<StartupImport>();
        services.AddHostedService<SearchIndexResume>();
        return services;
    }
}
