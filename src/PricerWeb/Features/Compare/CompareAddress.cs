using System.Globalization;
using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Features.Compare;

/// <summary>
/// The comparison page's state as it appears in its address, so that a link opens the same comparison:
/// /compare?dataset=items&amp;report=course2024&amp;runs=3,5&amp;kind=Baseline&amp;q=forest&amp;sort=hits&amp;desc=true&amp;scatter=5&amp;a=3&amp;b=5.
/// </summary>
public static class CompareAddress
{
    public const string Path = "compare";
    public const string Dataset = "dataset";
    public const string Report = "report";
    public const string Runs = "runs";
    public const string Kind = "kind";
    public const string Text = "q";
    public const string Sort = "sort";
    public const string Descending = "desc";
    public const string Scatter = "scatter";
    public const string PairA = "a";
    public const string PairB = "b";

    /// <summary>Reads the page's state; values that do not parse fall back to defaults rather than failing the page.</summary>
    public static CompareSelection Read(
        string? dataset, string? report, string? runs, string? kind, string? text, string? sort, string? descending,
        int? scatter = null, int? pairA = null, int? pairB = null)
    {
        var column = Enum.TryParse<LeaderboardColumn>(sort, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : LeaderboardColumn.Error;
        var query = new LeaderboardQuery(
            Enum.TryParse<RunKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null,
            string.IsNullOrWhiteSpace(text) ? null : text,
            column,
            bool.TryParse(descending, out var d) ? d : LeaderboardQuery.DescendingByDefault(column));
        return new CompareSelection(
            string.IsNullOrWhiteSpace(dataset) ? null : dataset,
            ReportDefinition.TryFind(report, out var found) ? found : ReportDefinition.Course2024,
            ParseRunIds(runs).Take(CompareSelection.MaxRuns).ToList(),
            query, scatter, pairA, pairB);
    }

    /// <summary>Query values for the state; null removes a value from the address.</summary>
    public static Dictionary<string, object?> ToQuery(CompareSelection selection) => new()
    {
        [Dataset] = selection.Dataset,
        [Report] = selection.Report.Key,
        [Runs] = FormatRunIds(selection.RunIds),
        [Kind] = selection.Query.Kind?.ToString(),
        [Text] = selection.Query.Text,
        [Sort] = selection.Query.Sort == LeaderboardColumn.Error ? null : selection.Query.Sort.ToString().ToLowerInvariant(),
        [Descending] = selection.Query.Descending == LeaderboardQuery.DescendingByDefault(selection.Query.Sort) ? null : selection.Query.Descending ? "true" : "false",
        [Scatter] = selection.ScatterRunId,
        [PairA] = selection.PairA,
        [PairB] = selection.PairB,
    };

    /// <summary>Run ids from "3,5,8": what is not a positive whole number is skipped, repeats count once.</summary>
    public static IReadOnlyList<int> ParseRunIds(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : 0)
            .Where(id => id > 0)
            .Distinct()
            .ToList();

    public static string? FormatRunIds(IEnumerable<int> runIds) =>
        string.Join(",", runIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) is { Length: > 0 } text ? text : null;

    /// <summary>The item-by-item table of the compared runs as CSV.</summary>
    public static string CsvLink(string dataset, ReportDefinition report, IEnumerable<int> runIds) =>
        $"api/compare.csv?{Dataset}={Uri.EscapeDataString(dataset)}&{Report}={report.Key}&{Runs}={Uri.EscapeDataString(FormatRunIds(runIds) ?? "")}";

    /// <summary>A run's predictions as item_id,guess, a file the prediction importer reads back.</summary>
    public static string PredictionsLink(int runId) => FormattableString.Invariant($"api/runs/{runId}/predictions.csv");
}
