using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class PriceReplyTests
{
    [Theory]
    [InlineData("$1,299.99", 1299.99)]
    [InlineData("About 45 dollars", 45)]
    [InlineData("Price is $12.", 12)]
    [InlineData("n/a", 0)]
    public void Reads_the_documented_examples(string reply, double expected) =>
        Assert.Equal(expected, PriceReply.Parse(reply));

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("$-12.50", -12.5)]
    [InlineData("+7.5", 7.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-.75", -0.75)]
    [InlineData("4.", 4)]
    [InlineData("0042", 42)]
    [InlineData("1e5", 1)]
    [InlineData("12.34.56", 12.34)]
    [InlineData("1,000,000", 1000000)]
    [InlineData("It costs 12 to 15 dollars", 12)]
    [InlineData("$ 1 299", 1)]
    [InlineData("..", 0)]
    [InlineData("\0\0$,,$", 0)]
    public void Takes_the_first_number_after_removing_dollar_signs_and_commas(string reply, double expected) =>
        Assert.Equal(expected, PriceReply.Parse(reply));

    // The course's pattern gives a sign only to numbers with a decimal point: Python's re.search reads "-5" as 5 too.
    [Theory]
    [InlineData("-5", 5)]
    [InlineData("+7", 7)]
    [InlineData("+-3", 3)]
    [InlineData("-5.5", -5.5)]
    public void A_sign_counts_only_before_a_decimal_point(string reply, double expected) =>
        Assert.Equal(expected, PriceReply.Parse(reply));

    [Theory]
    [InlineData("٣٠")]        // Arabic-Indic digits
    [InlineData("３０")]      // full-width digits
    [InlineData("৫")]        // Bengali five
    public void Digits_outside_ascii_are_not_numbers(string reply) =>
        Assert.Equal(0, PriceReply.Parse(reply));

    [Fact]
    public void Skips_non_ascii_digits_to_reach_an_ascii_number() =>
        Assert.Equal(7, PriceReply.Parse("٣ or maybe 7"));

    [Fact]
    public void Null_reads_as_no_price() => Assert.Equal(0, PriceReply.Parse(null));

    [Fact]
    public void A_number_beyond_double_range_reads_as_no_price()
    {
        Assert.Equal(0, PriceReply.Parse(new string('9', 400)));
        Assert.Equal(0, PriceReply.Parse("$" + new string('9', 400) + ".99"));
    }

    [Fact]
    public void Huge_hostile_replies_are_read_without_backtracking_blowup()
    {
        const int size = 250_000;
        Assert.Equal(0, PriceReply.Parse(new string('a', size)));
        Assert.Equal(0, PriceReply.Parse(new string('7', size)));
        Assert.Equal(0, PriceReply.Parse(string.Concat(Enumerable.Repeat("-.+", size / 3))));
        Assert.Equal(19.99, PriceReply.Parse(new string('x', size) + "19.99"));
        Assert.Equal(5, PriceReply.Parse(string.Concat(Enumerable.Repeat("$,", size / 2)) + "5"));
        Assert.Equal(0, PriceReply.Parse(new string('.', size)));
    }
}
