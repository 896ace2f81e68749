using Plotly.Blazor.Traces;
using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

public class ComparisonFiguresTests
{
    [Fact]
    public void The_scatter_puts_each_guess_in_its_colour_s_trace_with_its_title_and_draws_y_equals_x_over_the_whole_range_with_a_margin()
    {
        // errors 10 (green), 60 on 200 (orange: over $40 and 30%), 500 (red)
        var run = Evaluated.Run(4, "forest", [100, 200, 300], [110, 260, 800]);

        var figure = ComparisonFigures.Scatter(run);

        var traces = figure.Data.Cast<Scatter>().ToList();
        Assert.Equal(["Green (1)", "Orange (1)", "Red (1)", "y = x"], traces.Select(t => t.Name));
        Assert.Equal(new object[] { 100.0 }, traces[0].X);
        Assert.Equal(new object[] { 260.0 }, traces[1].Y);
        Assert.Equal(new object[] { "Item i2" }, traces[2].CustomData);
        Assert.Equal(new object[] { 0.0, 816.0 }, traces[3].X);
        Assert.Equal(new object[] { 0.0, 816.0 }, traces[3].Y);
        Assert.Equal("forest Error=$190.00 RMSLE=0.59 Hits=33.3%", figure.Layout.Title.Text);
        Assert.Equal(new object[] { 0.0, 816.0 }, figure.Layout.XAxis[0].Range);
        Assert.Equal("scatter-4", figure.FileName);
    }

    [Fact]
    public void The_running_error_draws_a_band_under_each_run_s_mean()
    {
        var runs = new[] { Evaluated.Run(1, "a", [100, 100], [90, 130]), Evaluated.Run(2, "b", [100, 100], [100, 100]) };

        var traces = ComparisonFigures.RunningError(runs).Data.Cast<Scatter>().ToList();

        Assert.Equal(6, traces.Count);
        // a: errors 10, 30 → means 10, 20; population sd at k = 2 is 10, so the band is ± 1.96 * 10 / √2.
        Assert.Equal(new object[] { 10.0, 20.0 }, traces[2].Y);
        Assert.Equal(20 + 1.96 * 10 / Math.Sqrt(2), (double)traces[0].Y[1], 9);
        Assert.Equal(20 - 1.96 * 10 / Math.Sqrt(2), (double)traces[1].Y[1], 9);
        Assert.Equal(Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY, traces[1].Fill);
        Assert.Equal(new object[] { 1, 2 }, traces[2].X);
        Assert.Equal("b Error: $0.00 ± $0.00", traces[5].Name);
    }

    [Fact]
    public void The_histogram_counts_every_run_on_the_same_bands()
    {
        var runs = new[] { Evaluated.Run(1, "a", [100, 100, 100], [100, 150, 300]), Evaluated.Run(2, "b", [100, 100, 100], [95, 105, 140]) };

        var bars = ComparisonFigures.ErrorHistogram(runs).Data.Cast<Bar>().ToList();

        // errors a: 0, 50, 200; b: 5, 5, 40 → 20 bands of $10 up to 200, the last holding 200.
        Assert.Equal(20, bars[0].X.Count);
        Assert.Equal(bars[0].X, bars[1].X);
        Assert.Equal(3, bars[0].Y.Cast<int>().Sum());
        Assert.Equal([1, 1, 1], new[] { 0, 5, 19 }.Select(i => (int)bars[0].Y[i]));
        Assert.Equal([2, 1], new[] { 0, 4 }.Select(i => (int)bars[1].Y[i]));
    }

    [Fact]
    public void Categories_line_up_across_runs_and_an_empty_category_is_named()
    {
        var runs = new[]
        {
            Evaluated.Run(1, "a", [100, 100], [90, 70], ["Toys_and_Games", ""]),
            Evaluated.Run(2, "b", [100, 100], [null, 100], ["Toys_and_Games", ""]),
        };

        var bars = ComparisonFigures.ErrorByCategory(runs).Data.Cast<Bar>().ToList();

        Assert.Equal(new object[] { "(none)", "Toys and Games" }, bars[0].Y);
        Assert.Equal(new object[] { 30.0, 10.0 }, bars[0].X);
        Assert.Equal(new object[] { "(none)" }, bars[1].Y);
        Assert.Equal(new object[] { 0.0 }, bars[1].X);
    }

    [Fact]
    public void Run_names_are_shown_as_typed_not_as_plotly_markup()
    {
        var run = Evaluated.Run(1, "<b>bold</b> & co", [100], [100]);

        Assert.Equal("&lt;b&gt;bold&lt;/b&gt; &amp; co", ComparisonFigures.ErrorHistogram([run]).Data.Cast<Bar>().Single().Name);
        Assert.StartsWith("&lt;b&gt;bold&lt;/b&gt; &amp; co Error=", ComparisonFigures.Scatter(run).Layout.Title.Text);
    }
}
