using System.Globalization;

namespace PricerWeb.Features.Runs;

/// <summary>How run pages write a run's numbers.</summary>
public static class RunText
{
    /// <summary>A fraction as a whole percentage, "42%".</summary>
    public static string Percent(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
