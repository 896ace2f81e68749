namespace Pricer.Core.Evaluation;

/// <summary>The chart titles the course's evaluators drew, so PricerWeb's charts read the same.</summary>
public static class ChartTitles
{
    /// <summary>The 2024 scatter: "{name} Error=$126.55 RMSLE=1.00 Hits=32.0%".</summary>
    public static string Scatter(string pricerName, PriceMetrics metrics) =>
        $"{pricerName} Error=${MetricFormat.Dollars(metrics.Error)} RMSLE={MetricFormat.Rmsle(metrics.Rmsle)} Hits={MetricFormat.Percent(metrics.HitsPercent)}%";

    /// <summary>The 2025 running-error chart: "{name} Error: $63.97 ± $7.12".</summary>
    public static string ErrorTrend(string pricerName, PriceMetrics metrics) =>
        $"{pricerName} Error: ${MetricFormat.Dollars(metrics.Error)} ± ${MetricFormat.Dollars(metrics.ErrorCi95)}";
}
