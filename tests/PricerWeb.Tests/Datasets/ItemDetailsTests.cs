using PricerWeb.Features.Datasets;

namespace PricerWeb.Tests.Datasets;

public class ItemDetailsTests
{
    [Fact]
    public void Flattens_nested_objects_and_keeps_other_values_as_json()
    {
        var details = ItemDetails.Parse("""{"Brand": "Bosch", "Rank": {"Automotive": 12, "Brakes": {"Front": 3}}, "Sizes": [1, 2], "Empty": {}, "Gone": null, "Ok": true, "Weight": 1.50}""");

        Assert.Null(details.Problem);
        Assert.Equal(
            [new("Brand", "Bosch"), new("Rank › Automotive", "12"), new("Rank › Brakes › Front", "3"), new("Sizes", "[1, 2]"),
             new("Empty", "{}"), new("Gone", ""), new("Ok", "true"), new("Weight", "1.50")],
            details.Rows);
    }

    [Theory]
    [InlineData("{\"Brand\": ")]
    [InlineData("not json")]
    [InlineData("{\"a\": 1} trailing")]
    public void Broken_json_is_kept_raw_with_a_note(string raw)
    {
        var details = ItemDetails.Parse(raw);

        Assert.Empty(details.Rows);
        Assert.Equal(raw, details.Raw);
        Assert.StartsWith("The details are not valid JSON", details.Problem);
    }

    [Theory]
    [InlineData("[1, 2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("42", "number")]
    public void Json_that_is_not_an_object_is_kept_raw(string raw, string kind)
    {
        var details = ItemDetails.Parse(raw);

        Assert.Equal(raw, details.Raw);
        Assert.Contains($"a JSON {kind}, not an object", details.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_details_give_no_rows(string? raw) => Assert.Equal(ItemDetails.Empty, ItemDetails.Parse(raw));
}
