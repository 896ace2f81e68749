using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Data.Embeddings;
using Pricer.Data.Items.Browsing;
using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class SimilarItemsPanelTests(FixtureCatalog catalog) : BrowserComponentTest(catalog)
{
    private async Task<long> IdOfAsync(string externalId)
    {
        var page = await Catalog.Browser.GetPageAsync(new ItemQuery(All));
        return page.Rows.Single(r => r.ExternalId == externalId).Id;
    }

    [Fact]
    public async Task A_data_set_not_embedded_yet_offers_to_embed_it()
    {
        var id = await IdOfAsync("t0");

        var panel = Render<SimilarItemsPanel>(p => p.Add(x => x.ItemId, id).Add(x => x.DatasetId, Catalog.Other.Id));

        panel.WaitForAssertion(() => Assert.Contains("not embedded yet", panel.Find("[data-testid=not-embedded]").TextContent));
        Assert.NotNull(panel.Find("[data-testid=embed-now]"));
        Assert.Empty(panel.FindAll("[data-testid=similar-row]"));
    }

    [Fact]
    public async Task An_embedded_data_set_lists_the_nearest_training_items_with_prices_and_similarity()
    {
        await Services.GetRequiredService<DatasetEmbedder>().EmbedAsync(Catalog.Fixture.Id, null, CancellationToken.None);
        var id = await IdOfAsync("t0");

        var panel = Render<SimilarItemsPanel>(p => p.Add(x => x.ItemId, id).Add(x => x.DatasetId, Catalog.Fixture.Id).Add(x => x.Count, 3));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=similar-row]").Count), TimeSpan.FromSeconds(60));
        var trainPrices = Catalog.Items.Where(i => i.Split == Pricer.Core.Items.Split.Train && i.Id != "t0")
            .Select(i => i.Price.ToString("$#,##0.00", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(panel.FindAll("[data-testid=similar-price]"), cell => Assert.Contains(cell.TextContent, trainPrices));
        var scores = panel.FindAll("[data-testid=similar-score]").Select(cell => double.Parse(cell.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, -1, 1));
        Assert.Contains("all-MiniLM-L6-v2", panel.Find("[data-testid=similar-mean]").TextContent);
    }
}
