using Pricer.Core.Evaluation;
using Pricer.Core.Items;

namespace Pricer.Core.Tests.Evaluation;

public class EvaluatorTests
{
    [Fact]
    public void Course2024_scores_the_first_250_test_items_in_order()
    {
        var items = SyntheticItems.Make(Split.Test, 300);
        // exact for the first 250, absurd for the rest: only the first 250 may count
        var guesses = SyntheticItems.Guesses(items, item => items.IndexOf(item) < 250 ? item.Price : 1e6);

        var result = Evaluator.Evaluate(ReportDefinition.Course2024, "Exact", items, guesses);

        Assert.Equal(250, result.Metrics.Count);
        Assert.Equal(items.Take(250).Select(i => i.Id), result.Items.Select(r => r.ItemId));
        Assert.Equal(Enumerable.Range(0, 250), result.Items.Select(r => r.Position));
        Assert.Equal(0, result.Metrics.Error);
        Assert.True(result.IsComplete);
        Assert.Null(result.CoverageNote);
    }

    [Theory]
    [InlineData("course2025", 200)]
    [InlineData("test", 300)]
    public void Other_test_reports_take_their_own_share(string key, int expected)
    {
        ReportDefinition.TryFind(key, out var report);
        var items = SyntheticItems.Make(Split.Test, 300);

        var result = Evaluator.Evaluate(report!, "p", items, SyntheticItems.Guesses(items, i => i.Price + 5));

        Assert.Equal(expected, result.Metrics.Count);
        Assert.Equal(expected, result.ExpectedCount);
        Assert.Equal(items[expected - 1].Id, result.Items[^1].ItemId);
    }

    [Fact]
    public void Rows_carry_the_item_and_its_scored_guess()
    {
        var items = SyntheticItems.Make(Split.Validation, 3, i => new[] { 100.0, 200, 50 }[i]);
        var guesses = SyntheticItems.Guesses(items, i => i.Price switch { 100 => 110, 200 => 150, _ => -20 });

        var result = Evaluator.Evaluate(ReportDefinition.Validation, "p", items, guesses);

        Assert.Equal(
            [
                new ScoredItem(0, "validation-0", "Item 0", "Automotive", 100, 110, 10, GuessColor.Green),
                new ScoredItem(1, "validation-1", "Item 1", "Electronics", 200, 150, 50, GuessColor.Orange),
                new ScoredItem(2, "validation-2", "Item 2", "Toys_and_Games", 50, 0, 50, GuessColor.Orange),
            ],
            result.Items);
        Assert.Equal(PriceMetrics.Compute([100, 200, 50], [110, 150, -20]), result.Metrics);
    }

    [Fact]
    public void Chart_data_matches_the_metrics()
    {
        var items = SyntheticItems.Make(Split.Test, 40);
        // errors are half of 10, 20 ... 400; green below $40, i.e. the first 7 items
        var result = Evaluator.Evaluate(ReportDefinition.Test, "Half", items, SyntheticItems.Guesses(items, i => i.Price / 2));

        var last = result.RunningError[^1];
        Assert.Equal(40, result.RunningError.Count);
        Assert.Equal(result.Metrics.Error, last.MeanError, 9);
        Assert.Equal(result.Metrics.ErrorCi95, last.Ci95, 9);
        Assert.Equal(40, result.ErrorHistogram.Sum(b => b.Count));
        Assert.Equal(["Automotive", "Electronics", "Toys_and_Games"], result.ErrorByCategory.Select(c => c.Category));
        Assert.Equal(40, result.ErrorByCategory.Sum(c => c.Count));
        Assert.Equal($"Half Error=$102.50 RMSLE=0.68 Hits=17.5%", result.ScatterTitle);
        Assert.StartsWith("Half Error: $102.50 ± $", result.ErrorTrendTitle);
    }

    [Fact]
    public void Missing_guesses_are_reported_and_left_out_not_scored_as_zero()
    {
        var items = SyntheticItems.Make(Split.Test, 250);
        var guesses = SyntheticItems.Guesses(items, i => i.Price);
        guesses.Remove("test-3");
        guesses.Remove("test-0");
        guesses.Remove("test-249");

        var result = Evaluator.Evaluate(ReportDefinition.Course2024, "p", items, guesses);

        Assert.Equal(["test-0", "test-3", "test-249"], result.MissingItemIds);
        Assert.Equal(247, result.Metrics.Count);
        Assert.Equal(250, result.ExpectedCount);
        Assert.Equal(0, result.Metrics.Error);
        Assert.False(result.IsComplete);
        Assert.Equal("3 of the 250 items have no guess and are left out of the metrics.", result.CoverageNote);
    }

    [Fact]
    public void A_split_shorter_than_the_report_is_scored_but_marked_incomplete()
    {
        var items = SyntheticItems.Make(Split.Test, 100);

        var result = Evaluator.Evaluate(ReportDefinition.Course2024, "p", items, SyntheticItems.Guesses(items, i => i.Price));

        Assert.Equal(100, result.Metrics.Count);
        Assert.False(result.IsComplete);
        Assert.Equal("The test split has only 100 items, report 'course2024' asks for the first 250.", result.CoverageNote);
    }

    [Fact]
    public void A_short_split_with_missing_guesses_says_both()
    {
        var items = SyntheticItems.Make(Split.Test, 150);
        var guesses = SyntheticItems.Guesses(items.Skip(1), i => i.Price);

        var result = Evaluator.Evaluate(ReportDefinition.Course2025, "p", items, guesses);

        Assert.Equal(
            "The test split has only 150 items, report 'course2025' asks for the first 200. 1 of the 150 items have no guess and are left out of the metrics.",
            result.CoverageNote);
    }

    [Fact]
    public void Items_of_another_split_are_refused()
    {
        var items = SyntheticItems.Make(Split.Test, 10);

        var error = Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(ReportDefinition.Validation, "p", items, SyntheticItems.Guesses(items, i => i.Price)));

        Assert.Contains("test-0 at position 0 is in the test split, but report 'validation' scores the validation split", error.Message);
    }

    [Fact]
    public void A_repeated_item_is_refused()
    {
        var items = SyntheticItems.Make(Split.Test, 10);
        items[7] = items[2];

        var error = Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(ReportDefinition.Test, "p", items, SyntheticItems.Guesses(items.Distinct(), i => i.Price)));

        Assert.Contains("test-2 appears more than once", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_guess_that_is_not_a_number_is_refused(double bad)
    {
        var items = SyntheticItems.Make(Split.Test, 5);
        var guesses = SyntheticItems.Guesses(items, i => i.Price);
        guesses["test-4"] = bad;

        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(ReportDefinition.Test, "p", items, guesses));

        Assert.Contains("guess for item test-4", error.Message);
    }

    [Fact]
    public void No_guess_at_all_is_refused()
    {
        var items = SyntheticItems.Make(Split.Test, 5);
        var others = new Dictionary<string, double> { ["somewhere-else"] = 5 };

        var error = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(ReportDefinition.Test, "p", items, others));

        Assert.Equal("None of the 5 items of report 'test' has a guess. (Parameter 'guessesById')", error.Message);
    }

    [Fact]
    public void An_empty_split_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(ReportDefinition.Validation, "p", [], new Dictionary<string, double>()));

        Assert.StartsWith("The validation split has no items", error.Message);
    }
}
