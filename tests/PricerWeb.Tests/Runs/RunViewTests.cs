using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Runs;

public class RunViewTests
{
    private static RunSnapshot Snapshot(long sequence) => new(7, sequence, RunStatus.Running, 0.2, null, null, "epoch 1", null,
        new Dictionary<string, IReadOnlyList<RunPoint>> { [RunSeries.BatchLoss] = [new(RunSeries.BatchLoss, 1, 9)] }, ["started"]);

    [Fact]
    public void Updates_the_snapshot_already_holds_are_skipped_and_later_ones_applied_once()
    {
        var view = new RunView(Snapshot(sequence: 4));

        Assert.False(view.Apply(4, new RunUpdate { Points = [new(RunSeries.BatchLoss, 1, 9)] }));
        Assert.True(view.Apply(5, new RunUpdate { Progress = 0.6, Points = [new(RunSeries.BatchLoss, 2, 7)], Log = ["epoch 2"] }));
        Assert.False(view.Apply(5, new RunUpdate { Points = [new(RunSeries.BatchLoss, 2, 7)] }));
        Assert.True(view.Apply(6, new RunUpdate { Status = RunStatus.Failed, Error = "boom" }));

        Assert.Equal([9.0, 7.0], view.Series(RunSeries.BatchLoss).Select(p => p.Y));
        Assert.Equal(["started", "epoch 2"], view.Log);
        Assert.Equal((RunStatus.Failed, 0.6, "boom", "epoch 1"), (view.Status, view.Progress, view.Error, view.Message));
        Assert.False(view.IsActive);
        Assert.Empty(view.Series(RunSeries.ValidationLoss));
    }
}
