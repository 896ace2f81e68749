using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>
/// Scores the runs of a data set for the leaderboard and the comparison view. A report's items are read once
/// per call and every run's guesses for those items in one query, whatever the number of runs.
/// </summary>
public sealed class RunComparison(IDbContextFactory<PricerDbContext> contexts)
{
    /// <summary>Every run on the data set, newest first, with its metrics under the report.</summary>
    /// <exception cref="KeyNotFoundException">There is no data set of that name.</exception>
    public async Task<Leaderboard> LeaderboardAsync(string dataset, ReportDefinition report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasetId = await DatasetIdAsync(db, dataset, cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(r => r.DatasetId == datasetId)
            .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var scope = await ReportScope.LoadAsync(db, datasetId, report, cancellationToken);
        var guesses = await scope.GuessesAsync(db, runIds: null, cancellationToken);

        var rows = runs.Select(run => scope.Evaluate(run, guesses) is { } result
                ? new LeaderboardRow(run, result.Metrics, result.ExpectedCount, result.CoverageNote)
                : new LeaderboardRow(run, null, scope.Items.Count, scope.NothingToScore(dataset)))
            .ToList();
        return new Leaderboard(dataset, report, scope.Items.Count, rows);
    }

    /// <summary>The runs side by side under the report, in the order of <paramref name="runIds"/>; repeated ids count once.</summary>
    /// <exception cref="KeyNotFoundException">There is no data set of that name.</exception>
    public async Task<Comparison> CompareAsync(string dataset, ReportDefinition report, IReadOnlyList<int> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(runIds);
        var wanted = runIds.Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasetId = await DatasetIdAsync(db, dataset, cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(r => r.DatasetId == datasetId && wanted.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var scope = await ReportScope.LoadAsync(db, datasetId, report, cancellationToken);
        var guesses = await scope.GuessesAsync(db, runs.Keys, cancellationToken);

        var compared = new List<ComparedRun>();
        var withoutGuesses = new List<PricerRun>();
        foreach (var id in wanted.Where(runs.ContainsKey))
        {
            if (scope.Evaluate(runs[id], guesses) is { } result) compared.Add(new ComparedRun(runs[id], result));
            else withoutGuesses.Add(runs[id]);
        }
        return new Comparison(
            dataset, report, compared, withoutGuesses, wanted.Where(id => !runs.ContainsKey(id)).ToList(),
            ItemByItem.Build(compared.Select(c => c.Result).ToList()));
    }

    private static async Task<int> DatasetIdAsync(PricerDbContext db, string dataset, CancellationToken cancellationToken) =>
        await db.Datasets.Where(d => d.Name == dataset).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new KeyNotFoundException($"There is no data set named '{dataset}'.");
}
