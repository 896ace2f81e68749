using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Pricer.Core.Runs;
using PricerWeb.Features.Compare;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMode = Plotly.Blazor.Traces.ScatterLib.ModeFlag;

namespace PricerWeb.Features.Runs;

/// <summary>A run's live charts: loss by batch, loss by epoch, throughput.</summary>
public static class RunFigures
{
    public static Figure BatchLoss(RunView run) => new(
        [Line(run, RunSeries.BatchLoss, "Batch loss", "#1f77b4", ScatterMode.Lines)],
        ComparisonFigures.Layout("Loss by batch", "Step", "Loss"), $"batch-loss-{run.RunId}");

    public static Figure EpochLoss(RunView run) => new(
        [
            Line(run, RunSeries.TrainLoss, "Train loss", "#1f77b4", ScatterMode.Lines | ScatterMode.Markers),
            Line(run, RunSeries.ValidationLoss, "Validation loss", "#ff7f0e", ScatterMode.Lines | ScatterMode.Markers),
        ],
        ComparisonFigures.Layout("Loss by epoch", "Epoch", "Loss"), $"epoch-loss-{run.RunId}");

    public static Figure Throughput(RunView run) => new(
        [Line(run, RunSeries.SamplesPerSecond, "Samples/s", "#2ca02c", ScatterMode.Lines)],
        ComparisonFigures.Layout("Throughput", "Seconds", "Samples per second"), $"throughput-{run.RunId}");

    private static Scatter Line(RunView run, string series, string name, string color, ScatterMode mode)
    {
        var points = run.Series(series);
        return new Scatter
        {
            Name = name,
            Mode = mode,
            X = points.Select(p => (object)p.X).ToList(),
            Y = points.Select(p => (object)p.Y).ToList(),
            Line = new ScatterLine { Color = color, Width = 2 },
        };
    }
}
