using Bunit;
using Bunit.TestDoubles;
using Pricer.Data.Accounts;
using PricerWeb.Features.Accounts;

namespace PricerWeb.Tests.Hosting;

/// <summary>Signs a bUnit context in with a role, so AuthorizeView and [Authorize] see what the app's policies would.</summary>
public static class BunitAuthorization
{
    /// <summary>Signed in with <paramref name="role"/>; the named policies that role passes are granted, the others refused.</summary>
    public static BunitAuthorizationContext SignInAs(this BunitContext context, PricerRole role, string? name = null)
    {
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(name ?? PricerAppFactory.EmailOf(role));
        authorization.SetRoles(role.ToString());
        authorization.SetPolicies(PoliciesOf(role));
        return authorization;
    }

    /// <summary>Signed out: AuthorizeView shows its NotAuthorized content.</summary>
    public static BunitAuthorizationContext SignOut(this BunitContext context)
    {
        var authorization = context.AddAuthorization();
        authorization.SetNotAuthorized();
        return authorization;
    }

    public static string[] PoliciesOf(PricerRole role) => role switch
    {
        PricerRole.Admin => [PricerPolicies.SignedIn, PricerPolicies.Member, PricerPolicies.Admin],
        PricerRole.Member => [PricerPolicies.SignedIn, PricerPolicies.Member],
        _ => [PricerPolicies.SignedIn],
    };
}
