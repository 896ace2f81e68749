using Pricer.Core.Items;
using Pricer.Core.Items.HuggingFace;

namespace PricerWeb.Tests.HuggingFace;

public class HubSplitNamesTests
{
    [Theory]
    [InlineData("data/train-00000-of-00001.parquet", Split.Train)]
    [InlineData("data/validation-00000-of-00001.parquet", Split.Validation)]
    [InlineData("data/test-00003-of-00004.parquet", Split.Test)]
    [InlineData("train.parquet", Split.Train)]
    [InlineData("dev.parquet", Split.Validation)]
    [InlineData("default/validation/0000.parquet", Split.Validation)]
    [InlineData("default/partial-train/0001.parquet", Split.Train)]
    [InlineData("test/data_0.parquet", Split.Test)]
    [InlineData("data/items_val.parquet", Split.Validation)]
    public void Reads_the_split_from_the_file_name_or_its_folder(string path, Split expected) =>
        Assert.Equal(expected, HubSplitNames.FromPath(path));

    [Theory]
    [InlineData("data/items.parquet")]
    [InlineData("contest/latest.parquet")]
    [InlineData("")]
    public void Finds_no_split_where_no_word_names_one(string path) => Assert.Null(HubSplitNames.FromPath(path));

    [Fact]
    public void Files_that_name_no_split_are_training_data_when_no_file_names_one()
    {
        var assigned = HubSplitNames.Assign(["data/part-0.parquet", "data/part-1.parquet"]);

        Assert.All(assigned, a => Assert.Equal(Split.Train, a.Split));
        Assert.Equal(2, assigned.Count);
    }

    [Fact]
    public void Files_that_name_no_split_are_left_out_when_others_do()
    {
        var assigned = HubSplitNames.Assign(["data/train.parquet", "data/test.parquet", "extras/images.parquet"]);

        Assert.Equal([("data/train.parquet", Split.Train), ("data/test.parquet", Split.Test)], assigned);
    }
}
