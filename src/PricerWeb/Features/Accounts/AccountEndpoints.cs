using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pricer.Data.Accounts;

namespace PricerWeb.Features.Accounts;

/// <summary>Sign-out: a form POST (with the antiforgery token) from the app bar.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<PricerUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).AllowAnonymous();
        return endpoints;
    }
}
