using PricerWeb.Components.Charts;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data;
using Pricer.Data.Accounts;
using Pricer.Testing;
using PricerWeb.Features.Compare;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Compare;

/// <summary>
/// A bUnit context with the comparison page's real services over a real SQLite file. The baselines worker
/// is not started, so a queued job stays queued and the tests see exactly what the page asked for.
/// </summary>
internal sealed class CompareUiContext : BunitContext
{
    private readonly TempFolder _data = new();

    public CompareUiContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        this.SignInAs(PricerRole.Admin);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path })
            .Build();
        Services.AddLogging();
        Services.AddMudServices();
        Services.AddScoped<PlotlyScript>();
        Services.AddPricerData(configuration, _data.Path);
        Services.AddCompareFeature();
        Services.GetRequiredService<DatabaseInitializer>().InitializeAsync().GetAwaiter().GetResult();
        Seed = new RunSeeder(Services);
    }

    public RunSeeder Seed { get; }

    public BaselineJobs Baselines => Services.GetRequiredService<BaselineJobs>();

    public string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>The page at this address, with the popover and dialog providers beside it as MainLayout has them.</summary>
    public IRenderedComponent<ContainerFragment> RenderPage(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ComparePage>(2);
            builder.CloseComponent();
        });
    }

    /// <summary>Changes the address of the page already rendered, as a link or the back button would.</summary>
    public void NavigateTo(string address) => Services.GetRequiredService<NavigationManager>().NavigateTo(address);

    // MudBlazor's services only dispose asynchronously: use `await using`.
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
