using Pricer.Data.Items.Browsing;

namespace PricerWeb.Tests.Datasets;

public class SearchTextTests
{
    [Theory]
    [InlineData("usb", "\"usb\"*")]
    [InlineData("usb cable", "\"usb\" \"cable\"*")]
    [InlineData("usb cable ", "\"usb\" \"cable\"")]
    [InlineData("  usb   cable  ", "\"usb\" \"cable\"")]
    [InlineData("tv", "\"tv\"")]
    [InlineData("say \"hi\"", "\"say\" \"\"\"hi\"\"\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("NEAR(a b) OR c*", "\"NEAR(a\" \"b)\" \"OR\" \"c*\"")]
    [InlineData("title:usb -cable", "\"title:usb\" \"-cable\"*")]
    [InlineData("F-150", "\"F-150\"*")]
    [InlineData("usb\0cable", "\"usb\" \"cable\"*")]
    [InlineData("Über 日本語", "\"Über\" \"日本語\"*")]
    public void Quotes_every_word_and_lets_the_last_one_be_a_prefix(string text, string expected) =>
        Assert.Equal(expected, SearchText.ToFtsQuery(text));

    [Theory]
    [InlineData("usb cable", "cable")]
    [InlineData("Café", "cafe")]
    [InlineData("ÜBER", "uber")]
    [InlineData("F-150", "150")]
    [InlineData("(usb)", "usb")]
    [InlineData("usb cable ", null)]
    [InlineData("usb tv", null)]
    [InlineData("a-b", null)]
    [InlineData("*", null)]
    public void The_last_word_may_be_a_prefix_when_it_is_still_being_typed(string text, string? term) =>
        Assert.Equal(term, SearchText.PrefixCandidate(text));

    [Fact]
    public void A_finished_last_word_is_searched_as_it_is() =>
        Assert.Equal("\"usb\" \"cable\"", SearchText.ToFtsQuery("usb cable", prefixLastWord: false));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("\" ( ) * - ^ :")]
    [InlineData("🔌 ✓")]
    public void Text_without_letters_or_digits_searches_nothing(string? text) => Assert.Null(SearchText.ToFtsQuery(text));

    [Fact]
    public void Long_text_is_cut_to_a_bounded_query()
    {
        var many = SearchText.ToFtsQuery(string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"w{i}")))!;
        Assert.Equal(SearchText.MaxWords, many.Split(' ').Length);

        var huge = SearchText.ToFtsQuery(new string('a', 10_000))!;
        Assert.Equal(SearchText.MaxLength + 3, huge.Length);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', SearchText.MaxLength - 1) + "😀";

        var query = SearchText.ToFtsQuery(text)!;

        Assert.DoesNotContain('\uD83D', query);
    }
}
