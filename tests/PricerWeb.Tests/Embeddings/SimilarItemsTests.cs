using Pricer.Data.Embeddings;

namespace PricerWeb.Tests.Embeddings;

public class SimilarItemsTests(EmbeddedSample sample) : IClassFixture<EmbeddedSample>
{
    [Fact]
    public async Task A_stored_item_ranks_training_items_as_its_text_does_with_their_prices()
    {
        var tapeMeasure = await sample.IdOfAsync("te-003");
        var trainingPrices = new Dictionary<string, double>
        {
            ["Stainless Steel Hose Clamp Assortment, 60 Pieces"] = 14.99, ["Wireless Optical Mouse with USB Nano Receiver"] = 19.5,
            ["Heavy Duty Stapler, 100 Sheet Capacity"] = 32.0, ["Cordless Drill Driver Kit, 20V, Two Batteries"] = 89.99, ["Digital Guitar Tuner, Clip-On"] = 9.95,
        };

        var similar = await sample.Get<SimilarItems>().ForItemAsync(tapeMeasure, 3);
        var byText = await sample.Get<SimilarItems>().FindAsync(sample.DatasetId, "Tape Measure, 25 ft \"Magnetic\" Tip\nNylon-coated blade, belt clip,\nand a 13 ft standout.", 3);

        Assert.Equal(3, similar.Count);
        Assert.Equal(byText.Select(s => s.ItemId), similar.Select(s => s.ItemId));
        Assert.True(similar[0].Similarity > similar[1].Similarity && similar[1].Similarity >= similar[2].Similarity);
        Assert.All(similar, s => Assert.Equal(trainingPrices[s.Title], s.Price));
    }

    [Fact]
    public async Task A_training_item_is_never_its_own_neighbour()
    {
        var mouse = await sample.IdOfAsync("tr-002");

        var similar = await sample.Get<SimilarItems>().ForItemAsync(mouse, 10);

        Assert.Equal(4, similar.Count);
        Assert.DoesNotContain(similar, s => s.ItemId == mouse);
    }

    [Fact]
    public async Task Free_text_is_embedded_and_searched_for_retrieval()
    {
        var similar = await sample.Get<SimilarItems>().FindAsync(sample.DatasetId, "wireless computer mouse with usb receiver", 1);

        Assert.Equal("Wireless Optical Mouse with USB Nano Receiver", Assert.Single(similar).Title);
        Assert.Equal(19.5, similar[0].Price);
    }

    [Fact]
    public async Task A_data_set_without_vectors_or_an_unknown_item_finds_nothing()
    {
        Assert.Empty(await sample.Get<SimilarItems>().FindAsync(sample.DatasetId + 100, "mouse", 3));
        Assert.Empty(await sample.Get<SimilarItems>().ForItemAsync(long.MaxValue, 3));
    }
}
