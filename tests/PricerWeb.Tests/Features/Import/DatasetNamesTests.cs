using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

public class DatasetNamesTests
{
    [Theory]
    [InlineData("items_lite")]
    [InlineData("course items 2024.v2")]
    [InlineData("Élément-ß")]
    [InlineData("x")]
    public void Accepts_short_readable_names(string name) => Assert.Null(DatasetNames.Validate(name));

    [Theory]
    [InlineData(null, "Give the data set a name.")]
    [InlineData("   ", "Give the data set a name.")]
    [InlineData(" padded", "The name must not start or end with a space.")]
    [InlineData("../../etc/passwd", "Use letters, digits, spaces and - _ . only.")]
    [InlineData("<script>alert(1)</script>", "Use letters, digits, spaces and - _ . only.")]
    [InlineData("name\n", "Use letters, digits, spaces and - _ . only.")]
    [InlineData("evil\u202Egnp.exe", "Use letters, digits, spaces and - _ . only.")]
    [InlineData("a;DROP TABLE Datasets", "Use letters, digits, spaces and - _ . only.")]
    public void Explains_what_is_wrong_with_a_bad_name(string? name, string expected) => Assert.Equal(expected, DatasetNames.Validate(name));

    [Fact]
    public void Limits_names_to_a_hundred_characters()
    {
        Assert.Null(DatasetNames.Validate(new string('a', 100)));
        Assert.Equal("At most 100 characters (this one has 101).", DatasetNames.Validate(new string('a', 101)));
    }

    [Theory]
    [InlineData("hf:ed-donner/items_lite", "items_lite")]
    [InlineData("../shared/data/items", "items")]
    [InlineData("uploads/train.jsonl.gz", "train")]
    [InlineData("C:\\data\\Prices (2024).csv", "Prices -2024")]
    [InlineData("/", "dataset")]
    public void Suggests_a_valid_name_from_a_source(string source, string expected)
    {
        var suggested = DatasetNames.Suggest(source);
        Assert.Equal(expected, suggested);
        Assert.Null(DatasetNames.Validate(suggested));
    }
}
