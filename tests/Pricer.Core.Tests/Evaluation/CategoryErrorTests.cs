using Pricer.Core.Evaluation;

namespace Pricer.Core.Tests.Evaluation;

public class CategoryErrorTests
{
    [Fact]
    public void Averages_errors_and_hits_per_category_in_name_order()
    {
        ScoredItem[] items =
        [
            new(0, "a", "A", "Toys_and_Games", 100, 110, 10, GuessColor.Green),
            new(1, "b", "B", "Automotive", 200, 300, 100, GuessColor.Red),
            new(2, "c", "C", "Toys_and_Games", 100, 150, 50, GuessColor.Orange),
            new(3, "d", "D", "", 20, 20, 0, GuessColor.Green),
        ];

        var categories = CategoryError.Summarize(items);

        Assert.Equal(
            [
                new CategoryError("", 1, 0, 100),
                new CategoryError("Automotive", 1, 100, 0),
                new CategoryError("Toys_and_Games", 2, 30, 50),
            ],
            categories);
    }
}
