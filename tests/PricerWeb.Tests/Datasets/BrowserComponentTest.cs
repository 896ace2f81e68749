using PricerWeb.Components.Charts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data;
using Pricer.Data.Accounts;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Embeddings;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Datasets;

/// <summary>A bUnit context with MudBlazor and the browser's services over the fixture catalog's real SQLite file.</summary>
public abstract class BrowserComponentTest : BunitContext, IClassFixture<FixtureCatalog>, IAsyncLifetime
{
    protected BrowserComponentTest(FixtureCatalog catalog)
    {
        Catalog = catalog;
        Services.AddMudServices();
        this.SignInAs(PricerRole.Admin);
        // The app's data, run and embedding services over the catalog's file, for panels such as the similar items.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = catalog.Database.DataDirectory })
            .Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddPricerData(configuration, catalog.Database.DataDirectory);
        Services.AddRunsFeature();
        Services.AddEmbeddingsFeature();
        Services.AddScoped<PlotlyScript>();
        Services.AddSingleton(catalog.Browser);
        Services.AddSingleton(catalog.Statistics);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Popovers = Render<MudPopoverProvider>();
    }

    /// <summary>Where MudBlazor renders open menus and select lists.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }

    protected FixtureCatalog Catalog { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit would otherwise call Dispose().
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected ItemFilter All => new(Catalog.Fixture.Id);
}
