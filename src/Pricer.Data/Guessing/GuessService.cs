using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;

namespace Pricer.Data.Guessing;

/// <summary>
/// Serves items to players and stores their guesses, each at once and at most once per person and item.
/// A player is given the campaign item with the fewest guesses that they have not guessed yet, so the coverage
/// target fills evenly; the item stays theirs (across refreshes) until they guess it.
/// </summary>
public sealed class GuessService(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    /// <summary>The player's current item, or a new one; null when they have guessed every item (or the campaign is closed or unknown).</summary>
    public async Task<PlayItem?> NextAsync(int campaignId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (campaign is null || !campaign.IsOpenAt(now)) return null;

        var guessed = db.Guesses.Where(g => g.CampaignId == campaignId && g.UserId == userId).Select(g => g.ItemId);
        var assignment = await db.GuessAssignments.FirstOrDefaultAsync(a => a.CampaignId == campaignId && a.UserId == userId, cancellationToken);
        if (assignment is null || await guessed.ContainsAsync(assignment.ItemId, cancellationToken))
        {
            var next = await db.CampaignItems.AsNoTracking()
                .Where(ci => ci.CampaignId == campaignId && !guessed.Contains(ci.ItemId))
                .OrderBy(ci => db.Guesses.Count(g => g.CampaignId == campaignId && g.ItemId == ci.ItemId))
                .ThenBy(ci => ci.Order)
                .Select(ci => (long?)ci.ItemId)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is not { } itemId) return null;
            if (assignment is null)
                db.GuessAssignments.Add(assignment = new GuessAssignment { CampaignId = campaignId, UserId = userId, ItemId = itemId, ServedAtUtc = now });
            else
                (assignment.ItemId, assignment.ServedAtUtc) = (itemId, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        var item = await db.Items.AsNoTracking().FirstAsync(i => i.Id == assignment.ItemId, cancellationToken);
        var done = await guessed.CountAsync(cancellationToken);
        return new PlayItem(item.Id, item.Title, item.Category, item.Text, item.Details, done, campaign.ItemCount);
    }

    /// <summary>Stores the guess at once; a second guess by the same person for the same item is refused (by the database too).</summary>
    public async Task<GuessOutcome> SubmitAsync(int campaignId, string userId, long itemId, double price, CancellationToken cancellationToken) =>
        await StoreAsync(campaignId, userId, itemId, price, GuessSource.Play, cancellationToken);

    internal async Task<GuessOutcome> StoreAsync(int campaignId, string userId, long itemId, double price, GuessSource source, CancellationToken cancellationToken)
    {
        if (GuessPrice.Problem(price) is { } problem) return new GuessOutcome(GuessStatus.Invalid, problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null) return new GuessOutcome(GuessStatus.NotInCampaign, $"There is no campaign {campaignId}.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!campaign.IsOpenAt(now)) return new GuessOutcome(GuessStatus.Closed, "This campaign has closed.");
        if (!await db.CampaignItems.AnyAsync(ci => ci.CampaignId == campaignId && ci.ItemId == itemId, cancellationToken))
            return new GuessOutcome(GuessStatus.NotInCampaign, $"Item {itemId} is not in this campaign.");

        var assignment = await db.GuessAssignments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.CampaignId == campaignId && a.UserId == userId && a.ItemId == itemId, cancellationToken);
        db.Guesses.Add(new Guess
        {
            CampaignId = campaignId, ItemId = itemId, UserId = userId, Price = price, GuessedAtUtc = now, Source = source,
            SecondsTaken = assignment is null ? null : Math.Max(0, (now - assignment.ServedAtUtc).TotalSeconds),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return new GuessOutcome(GuessStatus.Duplicate, "You have already guessed this item; your first guess stands.");
        }

        if (!campaign.RevealTruth) return new GuessOutcome(GuessStatus.Stored, "Saved.");
        var truth = await db.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Price).FirstAsync(cancellationToken);
        var mine = await db.Guesses.AsNoTracking()
            .Where(g => g.CampaignId == campaignId && g.UserId == userId)
            .Join(db.Items, g => g.ItemId, i => i.Id, (g, i) => new { g.Price, Truth = i.Price })
            .ToListAsync(cancellationToken);
        return new GuessOutcome(GuessStatus.Stored, "Saved.", truth, GuessRule.ColorOf(truth, price),
            mine.Average(m => GuessRule.ErrorOf(m.Truth, m.Price)), mine.Count);
    }
}
