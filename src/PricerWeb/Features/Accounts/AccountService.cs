using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>Creates accounts by the sign-up rules and changes roles; one per request or circuit (it uses UserManager).</summary>
public sealed class AccountService(
    UserManager<PricerUser> users, AccountSettings settings, IOptions<AccountsOptions> options, TimeProvider clock)
{
    // The first account becomes Admin: serialising sign-ups keeps two simultaneous first sign-ups from both being first.
    private static readonly SemaphoreSlim SignUpGate = new(1, 1);

    public Task<SignUpMode> SignUpModeAsync(CancellationToken cancellationToken = default) =>
        settings.SignUpModeAsync(options.Value.InitialSignUpMode, cancellationToken);

    /// <summary>What a sign-up with this invitation token (or none) would give: the role, or why it is refused.</summary>
    public async Task<SignUpCheck> CheckSignUpAsync(string? invitationToken, CancellationToken cancellationToken = default)
    {
        if (!await users.Users.AnyAsync(cancellationToken)) return new SignUpCheck(PricerRole.Admin, null, null);
        if (!string.IsNullOrEmpty(invitationToken))
        {
            return await settings.FindOpenInvitationAsync(invitationToken, cancellationToken) is { } invitation
                ? new SignUpCheck(invitation.Role, invitation.Id, null)
                : new SignUpCheck(null, null, "This invitation link is not valid any more: it was used, it expired, or it was mistyped.");
        }
        return await SignUpModeAsync(cancellationToken) == SignUpMode.Open
            ? new SignUpCheck(PricerRole.Guesser, null, null)
            : new SignUpCheck(null, null, "Sign-up is by invitation: ask an Admin for an invitation link.");
    }

    /// <summary>Creates an account by the sign-up rules: the first is Admin, then invitations or open sign-up.</summary>
    public async Task<SignUpResult> SignUpAsync(string email, string password, string? invitationToken, CancellationToken cancellationToken = default)
    {
        await SignUpGate.WaitAsync(cancellationToken);
        try
        {
            var check = await CheckSignUpAsync(invitationToken, cancellationToken);
            if (check.Role is not { } role) return SignUpResult.Refused(check.Refusal!);
            var user = NewUser(email);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return SignUpResult.Refused(Describe(created));
            if (check.InvitationId is { } invitationId && !await settings.RedeemAsync(invitationId, user.Id, cancellationToken))
            {
                await users.DeleteAsync(user);
                return SignUpResult.Refused("This invitation link has just been used by someone else.");
            }
            await users.AddToRoleAsync(user, role.ToString());
            return new SignUpResult(user, role, null);
        }
        finally
        {
            SignUpGate.Release();
        }
    }

    /// <summary>Creates the account with this role where no account has the e-mail address; an existing one is left as it is.</summary>
    public async Task<IdentityResult> EnsureAccountAsync(string email, string password, PricerRole role)
    {
        if (await users.FindByEmailAsync(email) is not null) return IdentityResult.Success;
        var user = NewUser(email);
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role.ToString()) : created;
    }

    /// <summary>Every account with its role, newest first.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        var people = await users.Users.AsNoTracking().OrderByDescending(u => u.CreatedAtUtc).ToListAsync(cancellationToken);
        var result = new List<Person>(people.Count);
        foreach (var user in people)
            result.Add(new Person(user.Id, user.Email ?? user.UserName ?? user.Id, RoleOf(await users.GetRolesAsync(user)), user.CreatedAtUtc, user.LockoutEnd > clock.GetUtcNow()));
        return result;
    }

    /// <summary>Gives the person this role (their open sessions pick it up at the next security-stamp check); null when done, else why not.</summary>
    public async Task<string?> SetRoleAsync(string userId, PricerRole role)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return "There is no such account.";
        var held = await users.GetRolesAsync(user);
        var current = RoleOf(held);
        if (current == role) return null;
        if (current == PricerRole.Admin && (await users.GetUsersInRoleAsync(nameof(PricerRole.Admin))).Count == 1)
            return "This is the only Admin: make someone else Admin first.";
        // Identity refuses the whole removal when one named role is not held, so name only the held ones.
        var removed = await users.RemoveFromRolesAsync(user, held.Where(r => r != role.ToString()));
        if (!removed.Succeeded) return Describe(removed);
        if (!held.Contains(role.ToString()) && await users.AddToRoleAsync(user, role.ToString()) is { Succeeded: false } added) return Describe(added);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public static PricerRole RoleOf(IEnumerable<string> roleNames) =>
        roleNames.Select(n => Enum.TryParse<PricerRole>(n, out var r) ? r : PricerRole.Guesser).DefaultIfEmpty(PricerRole.Guesser).Max();

    private PricerUser NewUser(string email) =>
        new() { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
