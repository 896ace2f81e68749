using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Tests.Compare;

public class ItemByItemTests
{
    private static readonly double[] Truths = [100, 20, 300];

    [Fact]
    public void Equal_errors_are_a_tie_that_counts_as_no_run_s_win()
    {
        // errors: a 10, 5, 50; b 10 (above the truth), 5, 60; c only the last item, 0.
        var items = ItemByItem.Build(
        [
            Evaluated.Run(1, "a", Truths, [90, 25, 250]).Result,
            Evaluated.Run(2, "b", Truths, [110, 15, 360]).Result,
            Evaluated.Run(3, "c", Truths, [null, null, 300]).Result,
        ]);

        Assert.Equal([[0, 1], [0, 1], [2]], items.Items.Select(i => i.Closest.ToArray()));
        Assert.Equal([0, 0, 1], items.Wins);
        Assert.Equal(2, items.Ties);
        Assert.Null(items.Items[0].ErrorOf(2));
        Assert.Equal(0, items.Items[2].ErrorOf(2));
        Assert.Equal(60, items.Items[2].ErrorOf(1));
    }

    [Fact]
    public void Negative_guesses_are_compared_as_scored_clamped_at_zero()
    {
        var items = ItemByItem.Build([Evaluated.Run(1, "a", [10], [-50]).Result, Evaluated.Run(2, "b", [10], [25]).Result]);

        Assert.Equal(0.0, items.Items[0].Guesses[0]);
        Assert.Equal([0], items.Items[0].Closest);
        Assert.Equal(25, Assert.Single(items.Disagreements(0, 1, 5)).Difference);
    }

    [Fact]
    public void Disagreements_leave_out_items_one_run_did_not_guess_and_are_the_same_either_way_round()
    {
        var items = ItemByItem.Build(
        [
            Evaluated.Run(1, "a", Truths, [90, 25, 250]).Result,
            Evaluated.Run(3, "c", Truths, [null, 40, 300]).Result,
        ]);

        Assert.Equal([("i2", 50.0), ("i1", 15.0)], items.Disagreements(0, 1, 10).Select(d => (d.Item.ItemId, d.Difference)));
        Assert.Equal(items.Disagreements(0, 1, 10), items.Disagreements(1, 0, 10));
        Assert.Single(items.Disagreements(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => items.Disagreements(0, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => items.Worst(-1, 1));
    }

    [Fact]
    public void No_runs_give_no_items()
    {
        var items = ItemByItem.Build([]);

        Assert.Empty(items.Items);
        Assert.Empty(items.Wins);
        Assert.Equal(0, items.Ties);
    }
}
