namespace PricerWeb.Tests.Hosting;

public class AppStartsTests
{
    [Fact]
    public async Task Serves_the_home_page_and_package_assets_from_the_repo_root_content()
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();

        var home = await client.GetStringAsync("/");
        Assert.Contains("PricerWeb", home);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "pricer.db")), "the SQLite file is created in the data folder");

        foreach (var asset in new[] { "/app.css", "/_content/MudBlazor/MudBlazor.min.css", "/_content/Plotly.Blazor/plotly-3.7.0.min.js" })
        {
            using var response = await client.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
        }
    }
}
