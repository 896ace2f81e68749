using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Accounts;

/// <summary>Sign-up mode and invitation links, as an Admin sets them.</summary>
public sealed class AccountSettings(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>The stored mode, or <paramref name="initial"/> where no Admin has chosen one yet.</summary>
    public async Task<SignUpMode> SignUpModeAsync(SignUpMode initial, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return settings?.SignUpMode ?? initial;
    }

    public async Task SetSignUpModeAsync(SignUpMode mode, string changedBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.SiteSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        settings.SignUpMode = mode;
        settings.ChangedBy = changedBy;
        settings.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates a one-use invitation for <paramref name="role"/>; the returned token is shown once and never stored.</summary>
    public async Task<string> CreateInvitationAsync(PricerRole role, string createdBy, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Invitations.Add(new Invitation
        {
            TokenHash = Hash(token), Role = role, CreatedBy = createdBy, CreatedAtUtc = now, ExpiresAtUtc = now + InvitationLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The unused, unexpired invitation with this token, or null.</summary>
    public async Task<Invitation?> FindOpenInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invitations.AsNoTracking()
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.UsedByUserId == null && i.ExpiresAtUtc > now, cancellationToken);
    }

    /// <summary>Marks the invitation used by <paramref name="userId"/>; false when someone else used it first.</summary>
    public async Task<bool> RedeemAsync(int invitationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Invitations
            .Where(i => i.Id == invitationId && i.UsedByUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByUserId, userId).SetProperty(i => i.UsedAtUtc, now), cancellationToken);
        return updated == 1;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
