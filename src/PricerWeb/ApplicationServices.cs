using MudBlazor.Services;
using Pricer.Data;
using PricerWeb.Components.Charts;
using PricerWeb.Features.Accounts;
using PricerWeb.Features.Compare;
using PricerWeb.Features.Embeddings;
using PricerWeb.Features.FineTuning;
using PricerWeb.Features.Guessing;
using PricerWeb.Features.Import;
using PricerWeb.Features.Llm;
using PricerWeb.Features.Runs;
using PricerWeb.Features.Settings;

namespace PricerWeb;

internal static class ApplicationServices
{
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor, Plotly) are served from the build output in every environment, not only
        // Development, because the content root is the repository root rather than the project folder.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<PlotlyScript>();
        builder.Services.AddPricerData(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddAccountsFeature(builder.Configuration);
        builder.Services.AddImportFeature(builder.Configuration);
        builder.Services.AddCompareFeature();
        builder.Services.AddEmbeddingsFeature();
        builder.Services.AddRunsFeature();
        builder.Services.AddLlmFeature();
        builder.Services.AddGuessingFeature();
        builder.Services.AddFineTuningFeature();
        builder.Services.AddSettingsFeature();
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await app.Services.GetRequiredService<AccountSeeder>().SeedAsync();
    }
}
