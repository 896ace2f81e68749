using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Pricer.Core.Evaluation;
using Pricer.Data.Runs.Comparison;
using BarMarker = Plotly.Blazor.Traces.BarLib.Marker;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using XTitle = Plotly.Blazor.LayoutLib.XAxisLib.Title;
using YTitle = Plotly.Blazor.LayoutLib.YAxisLib.Title;

namespace PricerWeb.Features.Compare;

/// <summary>The comparison's charts, drawn as the course's evaluators drew them, from evaluated runs.</summary>
public static class ComparisonFigures
{
    public const string NoCategory = "(none)";

    /// <summary>Truth (x) against guess (y), one trace per colour of the rule, a dashed y = x, axes from 0; hover shows title, guess, truth.</summary>
    public static Figure Scatter(ComparedRun run)
    {
        var items = run.Result.Items;
        // A little room above the largest value, so that its marker is not cut in half by the frame.
        var max = 1.02 * (items.Count == 0 ? 1 : items.Max(i => Math.Max(i.Truth, i.Guess)));
        var data = new List<ITrace>();
        foreach (var color in Enum.GetValues<GuessColor>())
        {
            var points = items.Where(i => i.Color == color).ToList();
            data.Add(new Scatter
            {
                Name = $"{color} ({points.Count})",
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = points.Select(i => (object)i.Truth).ToList(),
                Y = points.Select(i => (object)i.Guess).ToList(),
                CustomData = points.Select(i => (object)Escape(i.Title)).ToList(),
                HoverTemplate = "%{customdata}<br>Guess: $%{y:,.2f}<br>Truth: $%{x:,.2f}<extra></extra>",
                Marker = new ScatterMarker { Color = RunPalette.Of(color), Size = 6, Opacity = 0.8m },
            });
        }
        data.Add(new Scatter
        {
            Name = "y = x",
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = [0.0, max],
            Y = [0.0, max],
            Line = new ScatterLine { Color = "deepskyblue", Width = 2, Dash = "dash" },
            HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
        });
        return new Figure(data, Layout(run.Result.ScatterTitle, "Ground truth", "Model estimate", xRange: [0, max], yRange: [0, max]),
            FileName(run, "scatter"));
    }

    /// <summary>Mean absolute error over the first k items, k = 1..n, each run with its shaded 95% band.</summary>
    public static Figure RunningError(IReadOnlyList<ComparedRun> runs)
    {
        var data = new List<ITrace>();
        for (var r = 0; r < runs.Count; r++)
        {
            var points = runs[r].Result.RunningError;
            var x = points.Select(p => (object)p.Count).ToList();
            var group = $"run{r}";
            data.Add(new Scatter
            {
                Name = "95% band", LegendGroup = group, ShowLegend = false, Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                X = x, Y = points.Select(p => (object)p.Upper).ToList(),
                Line = new ScatterLine { Width = 0, Color = RunPalette.Of(r) },
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
            data.Add(new Scatter
            {
                Name = "95% band", LegendGroup = group, ShowLegend = false, Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                X = x, Y = points.Select(p => (object)p.Lower).ToList(),
                Fill = Plotly.Blazor.Traces.ScatterLib.FillEnum.ToNextY, FillColor = RunPalette.Translucent(r, 0.2),
                Line = new ScatterLine { Width = 0, Color = RunPalette.Of(r) },
                HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
            data.Add(new Scatter
            {
                Name = Escape(runs[r].Result.ErrorTrendTitle), LegendGroup = group, Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                X = x, Y = points.Select(p => (object)p.MeanError).ToList(),
                CustomData = points.Select(p => (object)p.Ci95).ToList(),
                HoverTemplate = "%{x} items: $%{y:,.2f} ± $%{customdata:,.2f}<extra>" + Escape(runs[r].Run.Name) + "</extra>",
                Line = new ScatterLine { Width = 2, Color = RunPalette.Of(r) },
            });
        }
        var title = runs.Count == 1 ? runs[0].Result.ErrorTrendTitle : "Running mean error with its 95% band";
        return new Figure(data, Layout(title, "Items", "Mean absolute error ($)"), FileName(runs, "running-error"));
    }

    /// <summary>How many items fall in each band of error, every run on the same bands (0 to the largest error of any run).</summary>
    public static Figure ErrorHistogram(IReadOnlyList<ComparedRun> runs)
    {
        var all = runs.SelectMany(r => r.Result.Items.Select(i => i.Error)).ToArray();
        var edges = HistogramBin.Build(all);
        var data = new List<ITrace>();
        for (var r = 0; r < runs.Count; r++)
        {
            var counts = new int[edges.Count];
            foreach (var item in runs[r].Result.Items) counts[BinOf(edges, item.Error)]++;
            data.Add(new Bar
            {
                Name = Escape(runs[r].Run.Name),
                X = edges.Select(b => (object)((b.From + b.To) / 2)).ToList(),
                Y = counts.Select(c => (object)c).ToList(),
                CustomData = edges.Select(b => (object)Invariant($"${b.From:N0}–{b.To:N0}")).ToList(),
                HoverTemplate = "Error %{customdata}: %{y} items<extra>" + Escape(runs[r].Run.Name) + "</extra>",
                Marker = new BarMarker { Color = RunPalette.Of(r) },
            });
        }
        var layout = Layout("Error histogram", "Absolute error ($)", "Items");
        layout.BarMode = BarModeEnum.Group;
        return new Figure(data, layout, FileName(runs, "error-histogram"));
    }

    /// <summary>Mean error per category, one bar per run in each category, categories down the side so their names stay readable.</summary>
    public static Figure ErrorByCategory(IReadOnlyList<ComparedRun> runs)
    {
        var categories = runs.SelectMany(r => r.Result.ErrorByCategory.Select(c => c.Category)).Distinct().Order(StringComparer.Ordinal).ToList();
        var data = new List<ITrace>();
        for (var r = 0; r < runs.Count; r++)
        {
            var byCategory = runs[r].Result.ErrorByCategory.ToDictionary(c => c.Category);
            var shown = categories.Where(byCategory.ContainsKey).Select(c => byCategory[c]).ToList();
            data.Add(new Bar
            {
                Name = Escape(runs[r].Run.Name),
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = shown.Select(c => (object)Label(c.Category)).ToList(),
                X = shown.Select(c => (object)c.MeanError).ToList(),
                CustomData = shown.Select(c => (object)Invariant($"{c.Count} items, hits {c.HitsPercent:F1}%")).ToList(),
                HoverTemplate = "%{y}: $%{x:,.2f} (%{customdata})<extra>" + Escape(runs[r].Run.Name) + "</extra>",
                Marker = new BarMarker { Color = RunPalette.Of(r) },
            });
        }
        var layout = Layout("Mean error by category", "Mean absolute error ($)", "");
        layout.BarMode = BarModeEnum.Group;
        // Plotly draws the first category at the bottom; reversed, they read top-down in alphabetical order.
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        return new Figure(data, layout, FileName(runs, "error-by-category"));
    }

    public static string Label(string category) => category.Length == 0 ? NoCategory : category.Replace('_', ' ');

    private static int BinOf(IReadOnlyList<HistogramBin> bins, double value)
    {
        var width = bins[0].To - bins[0].From;
        return Math.Min((int)(value / width), bins.Count - 1);
    }

    internal static Layout Layout(string title, string xTitle, string yTitle, double[]? xRange = null, double[]? yRange = null) => new()
    {
        // Left-aligned, the title stays clear of the mode bar at the top right.
        Title = new Title { Text = Escape(title), X = 0.01m, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left, Font = new Plotly.Blazor.LayoutLib.TitleLib.Font { Size = 15 } },
        Margin = new Margin { L = 60, R = 20, T = 60, B = 50 },
        XAxis = [new XAxis { Title = new XTitle { Text = xTitle }, Range = xRange?.Cast<object>().ToList(), AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True }],
        YAxis = [new YAxis { Title = new YTitle { Text = yTitle }, Range = yRange?.Cast<object>().ToList(), AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True }],
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.2m }],
        HoverMode = HoverModeEnum.Closest,
    };

    // Plotly renders a subset of HTML in titles, names and hover templates: a run named "<b>x</b>" must show as typed.
    // It decodes &amp; &lt; &gt; but shows other entities (&quot;) literally, so only these three are escaped.
    internal static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string FileName(ComparedRun run, string chart) => FileName([run], chart);

    private static string FileName(IReadOnlyList<ComparedRun> runs, string chart) =>
        $"{chart}-{string.Join("-", runs.Select(r => r.Run.Id))}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
