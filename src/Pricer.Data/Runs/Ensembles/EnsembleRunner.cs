using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Ensembles;

namespace Pricer.Data.Runs.Ensembles;

/// <summary>
/// Fits non-negative weights for a set of runs on their validation predictions and stores the weighted sum of
/// their guesses, on every validation and test item all of them priced, as a new ensemble run.
/// </summary>
public sealed class EnsembleRunner(IDbContextFactory<PricerDbContext> contexts, RunStore runs, TimeProvider clock)
{
    /// <exception cref="InvalidOperationException">Fewer than two runs, unknown runs, runs of other data sets, or no validation items they all priced; the message says which.</exception>
    public async Task<PricerRun> FitAsync(int datasetId, IReadOnlyList<int> runIds, string startedBy, CancellationToken cancellationToken)
    {
        var ids = runIds.Distinct().ToList();
        if (ids.Count < 2) throw new InvalidOperationException("An ensemble needs at least two different runs.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        if (ids.FirstOrDefault(id => !members.ContainsKey(id)) is var missing and > 0)
            throw new InvalidOperationException($"There is no run {missing}.");
        if (members.Values.FirstOrDefault(r => r.DatasetId != datasetId) is { } foreign)
            throw new InvalidOperationException($"Run {foreign.Id} ('{foreign.Name}') belongs to another data set.");
        if (members.Values.FirstOrDefault(r => r.Status != RunStatus.Succeeded) is { } unfinished)
            throw new InvalidOperationException($"Run {unfinished.Id} ('{unfinished.Name}') is {unfinished.Status}; only finished runs can be combined.");

        var guesses = await db.Predictions.AsNoTracking()
            .Where(p => ids.Contains(p.RunId))
            .Join(db.Items.Where(i => i.Split != Split.Train), p => p.ItemId, i => i.Id, (p, i) => new { p.RunId, p.ItemId, i.Split, i.Price, p.Guess })
            .ToListAsync(cancellationToken);
        var shared = guesses.GroupBy(g => g.ItemId)
            .Where(g => g.Select(x => x.RunId).Distinct().Count() == ids.Count)
            .Select(g => (ItemId: g.Key, g.First().Split, g.First().Price, Guesses: ids.Select(id => g.First(x => x.RunId == id).Guess).ToArray()))
            .OrderBy(s => s.ItemId)
            .ToList();
        var validation = shared.Where(s => s.Split == Split.Validation).ToList();
        if (validation.Count == 0)
            throw new InvalidOperationException("These runs have no validation predictions in common; an ensemble's weights are fitted on validation items every member priced.");

        var a = new double[validation.Count, ids.Count];
        for (var r = 0; r < validation.Count; r++)
            for (var c = 0; c < ids.Count; c++) a[r, c] = validation[r].Guesses[c];
        var weights = NonNegativeLeastSquares.Solve(a, validation.Select(v => v.Price).ToArray());
        if (weights.All(w => w == 0)) throw new InvalidOperationException("Every weight came out 0: no non-negative mix of these runs beats guessing 0.");

        double Combine(double[] memberGuesses) => Math.Max(0, memberGuesses.Select((g, i) => g * weights[i]).Sum());
        var validationError = validation.Average(v => Math.Abs(Combine(v.Guesses) - v.Price));
        var configuration = new EnsembleConfiguration(ids.Select((id, i) => new EnsembleMember(id, members[id].Name, weights[i])).ToList(), validation.Count, validationError);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new PricerRun
        {
            DatasetId = datasetId, Kind = RunKind.Ensemble, Name = Describe(configuration), Configuration = configuration.ToJson(),
            StartedBy = startedBy, StartedAtUtc = now, FinishedAtUtc = now, CodeVersion = CodeVersion.Current,
        };
        var predictions = shared.Select(s => new Prediction { ItemId = s.ItemId, Guess = Combine(s.Guesses) }).ToList();
        return await runs.AddCompletedAsync(run, predictions, cancellationToken);
    }

    /// <summary>"Ensemble: 0.62 x kNN + 0.41 x linear regression" (members whose weight rounds to 0 left out).</summary>
    public static string Describe(EnsembleConfiguration configuration)
    {
        var terms = configuration.Members.Where(m => Math.Round(m.Weight, 2) > 0).Select(m => $"{m.Weight.ToString("0.##", CultureInfo.InvariantCulture)} x {m.Name}");
        var name = "Ensemble: " + string.Join(" + ", terms);
        return name.Length <= 200 ? name : name[..197] + "...";
    }
}
