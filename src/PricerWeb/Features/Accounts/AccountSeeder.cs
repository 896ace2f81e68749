using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>At start-up: the three roles, and the configured seed accounts where they are missing.</summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes, IOptions<AccountsOptions> options, ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PricerRole>())
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }

        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var seed in options.Value.Seed)
        {
            var result = await accounts.EnsureAccountAsync(seed.Email, seed.Password, seed.Role);
            if (result.Succeeded) continue;
            logger.LogError("Seed account {Email} was not created: {Errors}", seed.Email, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
