using System.Globalization;

namespace Pricer.Core.Evaluation;

/// <summary>
/// Rounds metrics for display only, the way the course's f-strings printed them (stored numbers are never
/// rounded). .NET formats an exact binary tie half-to-even like Python, so 126.125 shows as "126.12" in both.
/// Values that are not finite (R² of a single item) show as "n/a".
/// </summary>
public static class MetricFormat
{
    public const string NotAvailable = "n/a";

    /// <summary>Dollars with thousands separators and 2 decimals, as <c>{x:,.2f}</c>: "1,234.56".</summary>
    public static string Dollars(double value) => Number(value, "N2");

    /// <summary>RMSLE with 2 decimals, as <c>{x:,.2f}</c>.</summary>
    public static string Rmsle(double value) => Number(value, "N2");

    /// <summary>A percentage with 1 decimal and no sign, as <c>{x:.1f}</c> (hits, R²).</summary>
    public static string Percent(double percent) => Number(percent, "F1");

    /// <summary>MSE with thousands separators and no decimals, as <c>{x:,.0f}</c>.</summary>
    public static string Mse(double value) => Number(value, "N0");

    /// <summary>The metric as a report prints it: "$126.55", "1.00", "32.0%", "12,346", "62.3%".</summary>
    public static string Format(Metric metric, PriceMetrics metrics) => metric switch
    {
        Metric.Error => WithUnit("$", Dollars(metrics.Error), ""),
        Metric.Rmsle => Rmsle(metrics.Rmsle),
        Metric.Hits => WithUnit("", Percent(metrics.HitsPercent), "%"),
        Metric.Mse => Mse(metrics.Mse),
        Metric.R2 => WithUnit("", Percent(metrics.R2Percent), "%"),
        Metric.MedianError => WithUnit("$", Dollars(metrics.MedianError), ""),
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    /// <summary>A column heading for the metric.</summary>
    public static string Label(Metric metric) => metric switch
    {
        Metric.Error => "Error",
        Metric.Rmsle => "RMSLE",
        Metric.Hits => "Hits",
        Metric.Mse => "MSE",
        Metric.R2 => "R²",
        Metric.MedianError => "Median error",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
    };

    private static string WithUnit(string prefix, string number, string suffix) =>
        number == NotAvailable ? NotAvailable : prefix + number + suffix;

    private static string Number(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : NotAvailable;
}
