using PricerWeb.Components.Charts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class DatasetsPageTests(FixtureCatalog catalog) : BrowserComponentTest(catalog)
{
    private IRenderedComponent<DatasetsPage> Open(string address, string? name)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<DatasetsPage>(p => p.Add(d => d.Name, name));
    }

    [Fact]
    public void Shows_the_named_data_set_with_its_statistics()
    {
        var page = Open("datasets/fixture", "fixture");

        page.WaitForAssertion(() => Assert.Equal(12, page.FindAll("[data-testid=item-title]").Count));
        page.WaitForAssertion(() => Assert.Equal("$35.00", page.Find("[data-testid=price-median]").TextContent));
        Assert.NotNull(page.Find("[data-testid=price-histogram]"));
    }

    [Fact]
    public void The_address_carries_split_search_and_open_item()
    {
        var page = Open("datasets/fixture?split=test&q=charger", "fixture");

        page.WaitForAssertion(() => Assert.Equal(["Car Battery Charger", "USB Wall Charger 2-Pack"], page.FindAll("[data-testid=item-title]").Select(e => e.TextContent).Order()));
        Assert.Equal("charger", page.Find("#item-search").GetAttribute("value"));
    }

    [Fact]
    public void Filters_change_the_address()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Open("datasets/fixture", "fixture");
        page.WaitForAssertion(() => Assert.Equal(12, page.FindAll("[data-testid=item-title]").Count));

        page.FindAll("[data-testid=split-filter] button").Single(b => b.TextContent.Trim() == "test").Click();

        page.WaitForAssertion(() => Assert.EndsWith("datasets/fixture?split=test", navigation.Uri));
    }

    [Fact]
    public void Clicking_a_row_opens_it_in_the_address()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = Open("datasets/fixture?split=validation", "fixture");
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.item-row").Count));

        page.FindAll("tr.item-row")[0].Click();

        page.WaitForAssertion(() => Assert.Matches(@"datasets/fixture\?split=validation&item=\d+$", navigation.Uri));
    }

    [Fact]
    public void An_unknown_name_is_reported()
    {
        var page = Open("datasets/nope", "nope");

        page.WaitForAssertion(() => Assert.Contains("There is no data set named “nope”", page.Find("[data-testid=dataset-not-found]").TextContent));
    }
}

public class EmptyDatasetsPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddMudServices();
        Services.AddScoped<PlotlyScript>();
        Services.AddSingleton(_database.Services.GetRequiredService<Pricer.Data.Items.Browsing.ItemBrowser>());
        Services.AddSingleton(_database.Services.GetRequiredService<Pricer.Data.Items.Browsing.ItemStatisticsReader>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Without_data_says_how_to_get_some()
    {
        var page = Render<DatasetsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-datasets]")));
        var notice = page.Find("[data-testid=no-datasets]").TextContent;
        Assert.Contains("ed-donner/items_lite", notice);
        Assert.Contains("Upload", notice);
        Assert.Contains("configuration", notice);
        Assert.Equal("import", page.Find("[data-testid=no-datasets] a").GetAttribute("href"));
    }
}
