using Microsoft.AspNetCore.Authorization;
using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>
/// The authorization policies by name, for [Authorize(Policy = PricerPolicies.Member)] on pages,
/// .RequireAuthorization(PricerPolicies.Member) on endpoints and hubs, and AuthorizeView Policy="...".
/// Anything without a policy still needs a signed-in user (the fallback policy); [AllowAnonymous] opts out.
/// </summary>
public static class PricerPolicies
{
    /// <summary>Any signed-in person, Guessers included: play campaigns, browse data, see leaderboards.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Members and Admins: start runs, import data and predictions, create campaigns.</summary>
    public const string Member = "Member";

    /// <summary>Admins only: people, roles, sign-up and settings.</summary>
    public const string Admin = "Admin";

    internal static void Add(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.FallbackPolicy = signedIn;
        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(Member, policy => policy.RequireRole(nameof(PricerRole.Member), nameof(PricerRole.Admin)));
        options.AddPolicy(Admin, policy => policy.RequireRole(nameof(PricerRole.Admin)));
    }
}
