using System.Text;
using Pricer.Core.Evaluation;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Features.Compare;

/// <summary>Downloads for the comparison page: a run's predictions and the item-by-item table, both as CSV.</summary>
public static class CompareEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapCompareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{runId:int}/predictions.csv", PredictionsAsync);
        endpoints.MapGet("/api/compare.csv", ComparisonAsync);
        return endpoints;
    }

    private static async Task<IResult> PredictionsAsync(int runId, RunStore runs, CancellationToken cancellationToken)
    {
        if (await runs.ExportAsync(runId, cancellationToken) is not { } predictions)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no run {runId}.");
        var csv = new StringBuilder("item_id,guess\r\n");
        foreach (var (itemId, guess) in predictions)
            csv.Append(CsvText.Field(itemId)).Append(',').Append(CsvText.Number(guess)).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), CsvType, $"run-{runId}-predictions.csv");
    }

    private static async Task<IResult> ComparisonAsync(
        string? dataset, string? report, string? runs, RunComparison comparisons, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dataset))
            return BadRequest("Name the data set: ?dataset=NAME&runs=1,2.");
        var definition = ReportDefinition.Course2024;
        if (report is not null && !ReportDefinition.TryFind(report, out definition))
            return BadRequest($"Unknown report '{report}'; use one of {string.Join(", ", ReportDefinition.All.Select(r => r.Key))}.");
        var parts = (runs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var runIds = CompareAddress.ParseRunIds(runs);
        if (parts.Length == 0 || parts.Any(p => CompareAddress.ParseRunIds(p).Count == 0))
            return BadRequest("Name the runs as positive whole numbers separated by commas: runs=1,2.");

        Comparison comparison;
        try
        {
            comparison = await comparisons.CompareAsync(dataset, definition, runIds, cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        if (comparison.UnknownRunIds.Count > 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound,
                detail: $"No run {string.Join(", ", comparison.UnknownRunIds)} on data set '{dataset}'.");
        if (comparison.WithoutGuesses.Count > 0)
            return BadRequest($"Run {string.Join(", ", comparison.WithoutGuesses.Select(r => r.Id))} has no guesses for report '{definition.Key}'.");

        var fileName = $"compare-{SafeName(dataset)}-{definition.Key}-{string.Join("-", runIds)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(ComparisonCsv.Write(comparison)), CsvType, fileName);
    }

    private static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);

    private static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
