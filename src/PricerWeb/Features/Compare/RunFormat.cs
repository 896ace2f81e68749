using System.Globalization;
using Pricer.Core.Evaluation;
using Pricer.Data.Runs;

namespace PricerWeb.Features.Compare;

/// <summary>How the leaderboard shows a run's numbers.</summary>
public static class RunFormat
{
    public const string Missing = "—";

    public static string Metric(Metric metric, PriceMetrics? metrics) => metrics is null ? Missing : MetricFormat.Format(metric, metrics);

    public static string Cost(double costUsd) => costUsd > 0 ? "$" + costUsd.ToString(costUsd < 1 ? "0.000" : "N2", CultureInfo.InvariantCulture) : Missing;

    /// <summary>"0.4 s", "12 s", "4 min 05 s", "1 h 02 min"; "running" while it has no end.</summary>
    public static string Duration(double? seconds) => seconds switch
    {
        null => "running",
        < 10 => seconds.Value.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 60 => seconds.Value.ToString("0", CultureInfo.InvariantCulture) + " s",
        < 3600 => FormattableString.Invariant($"{(int)(seconds / 60)} min {(int)(seconds % 60):00} s"),
        _ => FormattableString.Invariant($"{(int)(seconds / 3600)} h {(int)(seconds % 3600 / 60):00} min"),
    };

    public static string When(DateTime startedAtUtc) => startedAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Label(PricerRun run) => $"{run.Name} (#{run.Id})";
}
