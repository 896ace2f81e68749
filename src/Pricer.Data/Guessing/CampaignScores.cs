using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;

namespace Pricer.Data.Guessing;

/// <summary>
/// Scores a campaign with the one Evaluator: each player, the crowd (median and mean guess per item) and every
/// model run that priced the campaign's items; and publishes players and crowd as pricer runs (Human, Crowd) so
/// they stand beside the models on the comparison page.
/// </summary>
public sealed class CampaignScores(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    public const string CrowdMedianName = "Crowd (median)";
    public const string CrowdMeanName = "Crowd (mean)";
    private const double TooFastSeconds = 1;
    private const int MinGuessesToJudge = 5;

    public async Task<CampaignLeaderboard?> LeaderboardAsync(int campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, campaignId, cancellationToken) is not { } data) return null;
        var report = ReportDefinition.ForItems($"campaign{campaignId}", data.Campaign.Name, data.Campaign.Split);
        var rows = new List<CampaignScoreRow>();
        var suspicious = new List<SuspiciousPattern>();

        foreach (var player in data.Guesses.GroupBy(g => g.UserId))
        {
            var name = data.Names.GetValueOrDefault(player.Key, player.Key);
            var seconds = player.Where(g => g.SecondsTaken is not null).Select(g => g.SecondsTaken!.Value).ToList();
            rows.Add(Score(report, name, CampaignScoreKind.Player, data.Items, player.ToDictionary(g => g.ItemId, g => g.Price), seconds.Count > 0 ? Median(seconds) : null));
            suspicious.AddRange(Judge(name, player.ToList()));
        }
        if (data.Guesses.Count > 0)
        {
            rows.Add(Score(report, CrowdMedianName, CampaignScoreKind.Crowd, data.Items, Crowd(data.Guesses, Median), null));
            rows.Add(Score(report, CrowdMeanName, CampaignScoreKind.Crowd, data.Items, Crowd(data.Guesses, Enumerable.Average), null));
        }

        var itemIds = data.Items.Select(i => i.RowId).ToList();
        var published = db.CampaignRuns.Select(r => r.RunId);
        var models = await db.Runs.AsNoTracking()
            .Where(r => r.DatasetId == data.Campaign.DatasetId && !published.Contains(r.Id))
            .Select(r => new { r.Id, r.Name })
            .ToListAsync(cancellationToken);
        foreach (var model in models)
        {
            var guesses = await db.Predictions.AsNoTracking()
                .Where(p => p.RunId == model.Id && itemIds.Contains(p.ItemId))
                .ToDictionaryAsync(p => p.ItemId, p => p.Guess, cancellationToken);
            if (guesses.Count > 0) rows.Add(Score(report, model.Name, CampaignScoreKind.Model, data.Items, guesses, null));
        }

        return new CampaignLeaderboard(data.Campaign, rows.OrderBy(r => r.MeanError).ToList(), suspicious);
    }

    /// <summary>Stores (or replaces) one Human run per player and the two Crowd runs; returns their run ids.</summary>
    public async Task<IReadOnlyList<int>> PublishRunsAsync(int campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, campaignId, cancellationToken) is not { } data || data.Guesses.Count == 0) return [];
        var runs = data.Guesses.GroupBy(g => g.UserId)
            .Select(p => (Key: CampaignRun.PlayerKey(p.Key), Name: $"{data.Names.GetValueOrDefault(p.Key, p.Key)} · {data.Campaign.Name}",
                Kind: RunKind.Human, By: data.Names.GetValueOrDefault(p.Key, p.Key), Guesses: p.ToDictionary(g => g.ItemId, g => g.Price)))
            .Append((CampaignRun.CrowdMedianKey, $"{CrowdMedianName} · {data.Campaign.Name}", RunKind.Crowd, "crowd", Crowd(data.Guesses, Median)))
            .Append((CampaignRun.CrowdMeanKey, $"{CrowdMeanName} · {data.Campaign.Name}", RunKind.Crowd, "crowd", Crowd(data.Guesses, Enumerable.Average)))
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.CampaignRuns.Where(r => r.CampaignId == campaignId).ToDictionaryAsync(r => r.Key, r => r.RunId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        foreach (var (key, name, kind, by, guesses) in runs)
        {
            PricerRun run;
            if (existing.TryGetValue(key, out var runId))
            {
                run = await db.Runs.FirstAsync(r => r.Id == runId, cancellationToken);
                await db.Predictions.Where(p => p.RunId == runId).ExecuteDeleteAsync(cancellationToken);
            }
            else
            {
                run = new PricerRun { Name = name, Kind = kind, StartedBy = by, CodeVersion = CodeVersion.Current, DatasetId = data.Campaign.DatasetId, StartedAtUtc = now };
                db.Runs.Add(run);
                await db.SaveChangesAsync(cancellationToken);
                db.CampaignRuns.Add(new CampaignRun { RunId = run.Id, CampaignId = campaignId, Key = key });
            }
            run.Status = RunStatus.Succeeded;
            run.FinishedAtUtc = now;
            run.Configuration = $$"""{"campaignId":{{campaignId}},"key":"{{key}}"}""";
            db.Predictions.AddRange(guesses.Select(g => new Prediction { RunId = run.Id, ItemId = g.Key, Guess = g.Value }));
            await db.SaveChangesAsync(cancellationToken);
            ids.Add(run.Id);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private static async Task<CampaignData?> LoadAsync(PricerDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null) return null;
        var items = await db.CampaignItems.AsNoTracking()
            .Where(ci => ci.CampaignId == campaignId)
            .OrderBy(ci => ci.Order)
            .Join(db.Items, ci => ci.ItemId, i => i.Id, (ci, i) => i)
            .ToListAsync(cancellationToken);
        var guesses = await db.Guesses.AsNoTracking().Where(g => g.CampaignId == campaignId).ToListAsync(cancellationToken);
        var userIds = guesses.Select(g => g.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
        return new CampaignData(campaign, items.Select(i => (i.Id, i.ToItem())).ToList(), guesses, names);
    }

    private static CampaignScoreRow Score(ReportDefinition report, string name, CampaignScoreKind kind,
        IReadOnlyList<(long RowId, Item Item)> items, IReadOnlyDictionary<long, double> guessesByRow, double? medianSeconds)
    {
        var byExternalId = items.Where(i => guessesByRow.ContainsKey(i.RowId)).ToDictionary(i => i.Item.Id, i => guessesByRow[i.RowId], StringComparer.Ordinal);
        var result = Evaluator.Evaluate(report, name, items.Select(i => i.Item).ToList(), byExternalId);
        var bias = result.Items.Average(i => i.Guess - i.Truth);
        return new CampaignScoreRow(name, kind, result.Metrics.Count, result.Metrics.Error, result.Metrics.Rmsle, result.Metrics.HitsPercent, bias, medianSeconds);
    }

    private static Dictionary<long, double> Crowd(IEnumerable<Guess> guesses, Func<IEnumerable<double>, double> combine) =>
        guesses.GroupBy(g => g.ItemId).ToDictionary(g => g.Key, g => combine(g.Select(x => x.Price)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static IEnumerable<SuspiciousPattern> Judge(string player, IReadOnlyList<Guess> guesses)
    {
        if (guesses.Count < MinGuessesToJudge) yield break;
        var common = guesses.GroupBy(g => g.Price).MaxBy(g => g.Count())!;
        if (common.Count() * 2 >= guesses.Count)
            yield return new SuspiciousPattern(player, $"the same number ({common.Key:0.##}) in {common.Count()} of {guesses.Count} guesses");
        var timed = guesses.Where(g => g.SecondsTaken is not null).Select(g => g.SecondsTaken!.Value).ToList();
        if (timed.Count >= MinGuessesToJudge && Median(timed) < TooFastSeconds)
            yield return new SuspiciousPattern(player, $"under a second per guess (median {Median(timed):0.00} s over {timed.Count} guesses)");
    }

    private sealed record CampaignData(Campaign Campaign, IReadOnlyList<(long RowId, Item Item)> Items, IReadOnlyList<Guess> Guesses, IReadOnlyDictionary<string, string> Names);
}
