using Pricer.Core.Pricers.Baselines;

namespace Pricer.Core.Tests.Pricers;

public class ItemWeightTests
{
    [Theory]
    [InlineData("19.3 pounds", 19.3)]
    [InlineData("2.27 Pounds", 2.27)]
    [InlineData("12 ounces", 0.75)]
    [InlineData("8 Ounces", 0.5)]
    [InlineData("1.2 Kilograms", 2.6455471462185)]
    [InlineData("500 g", 1.1023113109244)]
    [InlineData("500 Grams", 1.1023113109244)]
    [InlineData("1,200 grams", 2.6455471462185)]
    [InlineData("250 Milligrams", 0.00055115565546)]
    [InlineData("2 lbs", 2)]
    [InlineData("3 lb.", 3)]
    [InlineData("16 oz", 1)]
    [InlineData("0.5 kg", 1.1023113109244)]
    [InlineData("5 hundredths pounds", 0.05)]
    [InlineData("  .5   pounds  ", 0.5)]
    public void Reads_amount_and_unit_into_pounds(string text, double pounds) =>
        Assert.Equal(pounds, ItemWeight.ToPounds(text)!.Value, 9);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("heavy")]
    [InlineData("19.3")]
    [InlineData("pounds")]
    [InlineData("12 stones")]
    [InlineData("0 pounds")]
    [InlineData("-3 pounds")]
    [InlineData("3 pounds 4 ounces")]
    [InlineData("NaN pounds")]
    [InlineData("Infinity pounds")]
    [InlineData("1e308 pounds")]
    [InlineData("999999999 pounds")]
    [InlineData("1.2.3 pounds")]
    [InlineData("12 ounces'; DROP TABLE Items;--")]
    [InlineData("<script>alert(1)</script> 3 pounds")]
    [InlineData("3\0 pounds")]
    public void Gives_null_for_anything_that_is_not_a_plausible_weight(string? text) =>
        Assert.Null(ItemWeight.ToPounds(text));

    [Fact]
    public void Gives_null_quickly_for_a_huge_string()
    {
        var huge = new string('9', 1_000_000) + " pounds";
        Assert.Null(ItemWeight.ToPounds(huge));
    }
}
