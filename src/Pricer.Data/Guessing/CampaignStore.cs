using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Guessing;

/// <summary>Creates campaigns (choosing their items once, so every player sees the same set) and lists them.</summary>
public sealed class CampaignStore(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    /// <exception cref="ArgumentException">The request names no such data set, an empty split, or numbers out of range.</exception>
    public async Task<Campaign> CreateAsync(CampaignRequest request, string userId, string userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            throw new ArgumentException("Give the campaign a name of at most 200 characters.");
        if (request.ItemCount is < 1 or > CampaignRequest.MaxItems)
            throw new ArgumentException($"A campaign holds 1 to {CampaignRequest.MaxItems:N0} items.");
        if (request.GuessesPerItem is < 1 or > CampaignRequest.MaxGuessesPerItem)
            throw new ArgumentException($"Ask for 1 to {CampaignRequest.MaxGuessesPerItem:N0} guesses per item.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == request.Dataset, cancellationToken)
            ?? throw new ArgumentException($"There is no data set named '{request.Dataset}'.");
        var ids = await db.Items.AsNoTracking()
            .Where(i => i.DatasetId == dataset.Id && i.Split == request.Split)
            .OrderBy(i => i.Position).Select(i => i.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0) throw new ArgumentException($"Data set '{dataset.Name}' has no {request.Split.ToString().ToLowerInvariant()} items.");

        var seed = request.Selection == CampaignSelection.RandomSample ? request.Seed ?? 42 : (int?)null;
        var chosen = seed is { } s ? Sample(ids, request.ItemCount, s) : ids.Take(request.ItemCount).ToList();
        var campaign = new Campaign
        {
            Name = request.Name.Trim(), DatasetId = dataset.Id, Split = request.Split, Selection = request.Selection,
            ItemCount = chosen.Count, Seed = seed, GuessesPerItem = request.GuessesPerItem, RevealTruth = request.RevealTruth,
            DeadlineUtc = request.DeadlineUtc, CreatedByUserId = userId, CreatedBy = userName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        db.CampaignItems.AddRange(chosen.Select((id, order) => new CampaignItem { CampaignId = campaign.Id, ItemId = id, Order = order }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign;
    }

    public async Task<IReadOnlyList<CampaignSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking()
            .OrderByDescending(c => c.CreatedAtUtc)
            .Select(c => new CampaignSummary(
                c,
                db.Datasets.Where(d => d.Id == c.DatasetId).Select(d => d.Name).First(),
                db.Guesses.Count(g => g.CampaignId == c.Id),
                db.Guesses.Where(g => g.CampaignId == c.Id).Select(g => g.UserId).Distinct().Count()))
            .ToListAsync(cancellationToken);
    }

    public async Task<Campaign?> FindAsync(int campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
    }

    /// <summary>A seeded partial Fisher-Yates shuffle: the same seed draws the same items in the same order.</summary>
    private static List<long> Sample(List<long> ids, int count, int seed)
    {
        var random = new Random(seed);
        var pool = ids.ToArray();
        var take = Math.Min(count, pool.Length);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(take).ToList();
    }
}
