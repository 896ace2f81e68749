using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

public class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("=1+1", "=1+1")]
    public void A_field_is_quoted_only_where_csv_needs_it(string text, string expected) => Assert.Equal(expected, CsvText.Field(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("forest = trees", "forest = trees")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_made_inert(string text, string expected) => Assert.Equal(expected, CsvText.TextField(text));

    [Fact]
    public void Numbers_are_invariant_and_exact()
    {
        Assert.Equal("1234.5", CsvText.Number(1234.5));
        Assert.Equal("0.1", CsvText.Number(0.1));
        Assert.Equal(1 / 3.0, double.Parse(CsvText.Number(1 / 3.0), System.Globalization.CultureInfo.InvariantCulture));
    }
}
