using System.Text.Json;
using Bunit;
using Pricer.Data.Datasets;
using PricerWeb.Components.Pages;
using PricerWeb.Tests.Features.Import;

namespace PricerWeb.Tests.Pages;

public class HomeTests
{
    [Fact]
    public async Task With_no_data_set_the_home_page_says_how_to_get_data()
    {
        await using var ui = new ImportUiContext();

        var home = ui.Render<Home>();

        home.WaitForAssertion(() => Assert.NotNull(home.Find("[data-testid=get-data]")));
        Assert.Equal("import?from=hub", home.Find("[data-testid=get-data-hub]").GetAttribute("href"));
        Assert.Contains("ed-donner/items_lite", home.Find("[data-testid=get-data]").TextContent);
        var snippet = JsonDocument.Parse("{" + home.Find("[data-testid=startup-snippet]").TextContent + "}").RootElement;
        var entry = snippet.GetProperty("StartupImport")[0];
        Assert.Equal("../shared/data/items", entry.GetProperty("Source").GetString());
        Assert.Empty(home.FindAll("[data-testid=dataset-summary]"));
    }

    [Fact]
    public async Task With_data_sets_the_home_page_lists_them_with_counts_and_links()
    {
        await using var ui = new ImportUiContext();
        ui.AddDataset("course items");

        var home = ui.Render<Home>();

        home.WaitForAssertion(() => Assert.NotNull(home.Find("[data-testid=dataset-summary]")));
        Assert.Empty(home.FindAll("[data-testid=get-data]"));
        var cells = home.FindAll("[data-testid=dataset-summary] tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["course items", "3", "1", "1"], cells.Take(4));
        Assert.Equal("datasets/course%20items", home.Find("[data-testid=dataset-summary] tbody a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_home_page_shows_a_running_import_and_refreshes_when_it_ends()
    {
        await using var ui = new ImportUiContext();
        var home = ui.Render<Home>();
        home.WaitForAssertion(() => Assert.NotNull(home.Find("[data-testid=get-data]")));

        var job = ui.Jobs.Enqueue(new ImportRequest("arriving", "hf:ed-donner/items_lite"));
        home.WaitForAssertion(() => Assert.NotNull(home.Find("[data-testid=import-job]")));

        ui.AddDataset("arriving");
        ui.Jobs.Cancel(job.Id);

        home.WaitForAssertion(() => Assert.Contains("arriving", home.Find("[data-testid=dataset-summary]").TextContent));
        Assert.Empty(home.FindAll("[data-testid=import-job]"));
    }
}
