namespace PricerWeb.Features.Import;

public static class ImportFeature
{
    /// <summary>Background imports, uploads and the configured start-up imports.</summary>
    public static WebApplicationBuilder AddImportFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        builder.Services.AddOptions<StartupImportOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(StartupImportOptions.SectionName).Bind(options.DataSets));
        builder.Services.AddSingleton<ImportSources>();
        builder.Services.AddSingleton<Uploads>();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportJobs>());
        builder.Services.AddHostedService<StartupImport>();
        return builder;
    }
}
