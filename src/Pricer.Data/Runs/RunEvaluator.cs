using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs;

/// <summary>Scores stored runs by a report: the report's items in split order against the run's stored predictions.</summary>
public sealed class RunEvaluator(IDbContextFactory<PricerDbContext> contexts)
{
    public async Task<EvaluationResult> EvaluateAsync(int runId, ReportDefinition report, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no run {runId}.");
        var scope = db.Items.AsNoTracking().Where(i => i.DatasetId == run.DatasetId && i.Split == report.Split).OrderBy(i => i.Position);
        var reportItems = report.Size is { } size ? scope.Take(size) : scope;
        var items = await reportItems.ToListAsync(cancellationToken);
        var guesses = await db.Predictions.AsNoTracking()
            .Where(p => p.RunId == runId)
            .Join(reportItems, p => p.ItemId, i => i.Id, (p, i) => new { i.ExternalId, p.Guess })
            .ToDictionaryAsync(g => g.ExternalId, g => g.Guess, StringComparer.Ordinal, cancellationToken);
        return Evaluator.Evaluate(report, run.Name, items.Select(i => i.ToItem()).ToList(), guesses);
    }
}
