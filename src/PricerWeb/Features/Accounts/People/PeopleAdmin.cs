using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts.People;

/// <summary>
/// What the people page does, each call in its own scope: a Blazor circuit outlives many operations, and a
/// UserManager kept that long would hold a stale DbContext.
/// </summary>
public sealed class PeopleAdmin(IServiceScopeFactory scopes, AccountSettings settings)
{
    public Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken cancellationToken = default) =>
        WithAccountsAsync(accounts => accounts.PeopleAsync(cancellationToken));

    /// <inheritdoc cref="AccountService.SetRoleAsync"/>
    public Task<string?> SetRoleAsync(string userId, PricerRole role) =>
        WithAccountsAsync(accounts => accounts.SetRoleAsync(userId, role));

    public Task<SignUpMode> SignUpModeAsync(CancellationToken cancellationToken = default) =>
        WithAccountsAsync(accounts => accounts.SignUpModeAsync(cancellationToken));

    public Task SetSignUpModeAsync(SignUpMode mode, string changedBy) =>
        settings.SetSignUpModeAsync(mode, changedBy, CancellationToken.None);

    /// <summary>A one-use sign-up address for <paramref name="role"/>, relative to the app's base address.</summary>
    public async Task<string> CreateInvitationLinkAsync(PricerRole role, string createdBy) =>
        $"Account/Register?invite={Uri.EscapeDataString(await settings.CreateInvitationAsync(role, createdBy, CancellationToken.None))}";

    private async Task<T> WithAccountsAsync<T>(Func<AccountService, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AccountService>());
    }
}
