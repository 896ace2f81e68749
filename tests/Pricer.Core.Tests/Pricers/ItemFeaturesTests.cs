using Pricer.Core.Items;
using Pricer.Core.Pricers.Baselines;

namespace Pricer.Core.Tests.Pricers;

public class ItemFeaturesTests
{
    private static Item ItemWith(string details, double? weight = null, string text = "Some product text") =>
        new("id-1", Split.Train, "Title", "Electronics", 10, text, details, weight, "test");

    [Fact]
    public void Reads_weight_mean_rank_brand_and_text_length_from_course_details()
    {
        const string details = """
            {"Manufacturer": "BuyAutoParts", "Brand": "Samsung", "Item Weight": "19.3 pounds",
             "Best Sellers Rank": {"Automotive": 1343916, "Automotive Replacement Air Conditioning Compressors": 5433}}
            """;

        var features = ItemFeatures.From(ItemWith(details, text: "12345"));

        Assert.Equal(new ItemFeatures(19.3, (1343916 + 5433) / 2.0, 5, true), features);
    }

    [Theory]
    [InlineData("SONY")]
    [InlineData(" apple ")]
    [InlineData("hp")]
    public void Top_electronics_brand_ignores_case_and_surrounding_spaces(string brand) =>
        Assert.True(ItemFeatures.From(ItemWith($$"""{"Brand": "{{brand}}"}""")).IsTopElectronicsBrand);

    [Theory]
    [InlineData("""{"Brand": "Sonya"}""")]
    [InlineData("""{"Brand": "HP Inc"}""")]
    [InlineData("""{"Brand": ["Sony"]}""")]
    [InlineData("""{"Manufacturer": "Sony"}""")]
    public void Other_brands_or_shapes_are_not_top_brands(string details) =>
        Assert.False(ItemFeatures.From(ItemWith(details)).IsTopElectronicsBrand);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("""{"Item Weight": "2 pounds", "Brand": """)]
    [InlineData("""{"Item Weight": "2 pounds"}} trailing""")]
    [InlineData("not json at all")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("""["Item Weight", "2 pounds"]""")]
    [InlineData("""{"Item Weight": 2, "Best Sellers Rank": "#1 in Tools", "Brand": 7}""")]
    [InlineData("""{"Item Weight": null, "Best Sellers Rank": [1, 2], "Brand": null}""")]
    [InlineData("""{"Item Weight": "two pounds", "Best Sellers Rank": {}}""")]
    [InlineData("""{"Best Sellers Rank": {"Tools": "12", "Home": -5, "Toys": 0, "Bad": null}}""")]
    public void Broken_or_odd_details_give_missing_features_without_throwing(string details)
    {
        var features = ItemFeatures.From(ItemWith(details, text: "abc"));

        Assert.Equal(new ItemFeatures(null, null, 3, false), features);
    }

    [Fact]
    public void Rank_averages_only_the_usable_numbers()
    {
        var features = ItemFeatures.From(ItemWith("""{"Best Sellers Rank": {"A": 100, "B": "x", "C": 300, "D": -1}}"""));

        Assert.Equal(200, features.BestSellersRank);
    }

    [Fact]
    public void Rank_that_overflows_a_double_is_missing()
    {
        var features = ItemFeatures.From(ItemWith("""{"Best Sellers Rank": {"A": 1e308, "B": 1e308}}"""));

        Assert.Null(features.BestSellersRank);
    }

    [Fact]
    public void Item_weight_fills_in_when_details_have_none()
    {
        Assert.Equal(3.5, ItemFeatures.From(ItemWith("", weight: 3.5)).WeightPounds);
        Assert.Equal(19.3, ItemFeatures.From(ItemWith("""{"Item Weight": "19.3 pounds"}""", weight: 3.5)).WeightPounds);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e9)]
    public void Implausible_item_weight_is_missing(double weight) =>
        Assert.Null(ItemFeatures.From(ItemWith("", weight: weight)).WeightPounds);

    [Fact]
    public void Deeply_nested_or_huge_details_give_missing_features_without_throwing()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var huge = $$"""{"Brand": "{{new string('x', 2_000_000)}}", "Item Weight": "\u0000\u202e 3 pounds"}""";

        Assert.Equal(new ItemFeatures(null, null, 3, false), ItemFeatures.From(ItemWith(deep, text: "abc")));
        Assert.Equal(new ItemFeatures(null, null, 3, false), ItemFeatures.From(ItemWith(huge, text: "abc")));
    }

    [Fact]
    public void Every_well_formed_fixture_weight_parses_whatever_its_unit()
    {
        var items = BaselineFixture.Train;

        var withWeight = items.Count(item => ItemFeatures.From(item).WeightPounds is not null);

        Assert.Equal(items.Count(item => item.Details.StartsWith('{') && item.Details.EndsWith('}')), withWeight);
    }
}
