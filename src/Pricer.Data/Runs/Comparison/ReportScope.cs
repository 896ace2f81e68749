using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;

namespace Pricer.Data.Runs.Comparison;

/// <summary>
/// The items a report covers in one data set, loaded once, and the guesses of any number of runs for those
/// items only, so that scoring many runs costs one query for the items and one for the guesses.
/// </summary>
internal sealed class ReportScope
{
    private readonly int _datasetId;
    private readonly Dictionary<long, string> _externalIds;

    private ReportScope(int datasetId, ReportDefinition report, IReadOnlyList<Item> items, Dictionary<long, string> externalIds, int lastPosition)
    {
        _datasetId = datasetId;
        _externalIds = externalIds;
        Report = report;
        Items = items;
        LastPosition = lastPosition;
    }

    public ReportDefinition Report { get; }

    /// <summary>The report's items in split order.</summary>
    public IReadOnlyList<Item> Items { get; }

    private int LastPosition { get; }

    public static async Task<ReportScope> LoadAsync(PricerDbContext db, int datasetId, ReportDefinition report, CancellationToken cancellationToken)
    {
        var split = db.Items.AsNoTracking().Where(i => i.DatasetId == datasetId && i.Split == report.Split).OrderBy(i => i.Position);
        var records = await (report.Size is { } size ? split.Take(size) : split).ToListAsync(cancellationToken);
        return new ReportScope(
            datasetId, report, records.Select(r => r.ToItem()).ToList(), records.ToDictionary(r => r.Id, r => r.ExternalId),
            records.Count == 0 ? -1 : records[^1].Position);
    }

    /// <summary>Guesses keyed by item id, per run, for the report's items; runs without any are absent.</summary>
    /// <param name="runIds">The runs to read; null for every run on the data set.</param>
    public async Task<Dictionary<int, Dictionary<string, double>>> GuessesAsync(
        PricerDbContext db, IReadOnlyCollection<int>? runIds, CancellationToken cancellationToken)
    {
        var items = db.Items.Where(i => i.DatasetId == _datasetId && i.Split == Report.Split && i.Position <= LastPosition);
        var predictions = runIds is null ? db.Predictions : db.Predictions.Where(p => runIds.Contains(p.RunId));
        var rows = await predictions.AsNoTracking()
            .Join(items, p => p.ItemId, i => i.Id, (p, i) => new { p.RunId, p.ItemId, p.Guess })
            .ToListAsync(cancellationToken);

        var byRun = new Dictionary<int, Dictionary<string, double>>();
        foreach (var row in rows)
        {
            if (!byRun.TryGetValue(row.RunId, out var guesses))
                byRun[row.RunId] = guesses = new Dictionary<string, double>(StringComparer.Ordinal);
            guesses[_externalIds[row.ItemId]] = row.Guess;
        }
        return byRun;
    }

    /// <summary>The run scored by the report; null when it guessed none of the report's items.</summary>
    public EvaluationResult? Evaluate(PricerRun run, Dictionary<int, Dictionary<string, double>> guesses) =>
        Items.Count > 0 && guesses.TryGetValue(run.Id, out var own) ? Evaluator.Evaluate(Report, run.Name, Items, own) : null;

    /// <summary>Why a run has no numbers for this report.</summary>
    public string NothingToScore(string dataset) => Items.Count == 0
        ? $"The {Report.Split.ToName()} split of '{dataset}' has no items."
        : $"No guesses for the {Items.Count} items of report '{Report.Key}'.";
}
