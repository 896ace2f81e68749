using Pricer.Core.Evaluation;

namespace PricerWeb.Features.Compare;

/// <summary>Colours that tell compared runs apart, and the course's colours for one guess.</summary>
public static class RunPalette
{
    // Plotly's default sequence without its green and red, which mean "hit" and "miss" in the scatter.
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The colour of the run at this place in a comparison.</summary>
    public static string Of(int run) => Colors[run % Colors.Length];

    /// <summary>The colour as rgba with an alpha, for bands drawn under a line.</summary>
    public static string Translucent(int run, double alpha)
    {
        var hex = Of(run);
        return FormattableString.Invariant(
            $"rgba({Convert.ToInt32(hex[1..3], 16)}, {Convert.ToInt32(hex[3..5], 16)}, {Convert.ToInt32(hex[5..7], 16)}, {alpha})");
    }

    /// <summary>The course's plot colours: green, orange, red.</summary>
    public static string Of(GuessColor color) => color switch
    {
        GuessColor.Green => "green",
        GuessColor.Orange => "orange",
        _ => "red",
    };
}
