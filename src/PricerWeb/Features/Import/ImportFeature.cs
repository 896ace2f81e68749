namespace PricerWeb.Features.Import;

public static class ImportFeature
{
    /// <summary>Background imports, uploads and the configured start-up imports.</summary>
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
        return services;
    }
}
