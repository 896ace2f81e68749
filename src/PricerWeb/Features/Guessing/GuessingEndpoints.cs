using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Pricer.Data.Guessing;
using PricerWeb.Features.Accounts;
using PricerWeb.Features.Compare;

namespace PricerWeb.Features.Guessing;

/// <summary>
/// Playing over HTTP (what the play page does, for scripts and the load bench), the campaign's course-style sheet,
/// and the scores. Every route needs a signed-in person; the sheet export needs a Member.
/// </summary>
public static class GuessingEndpoints
{
    public static IEndpointRouteBuilder MapGuessingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/api/campaigns/{campaignId:int}").RequireAuthorization(PricerPolicies.SignedIn);
        campaigns.MapGet("/next", NextAsync);
        campaigns.MapPost("/guesses", GuessAsync);
        campaigns.MapGet("/leaderboard", LeaderboardAsync);
        campaigns.MapGet("/human_in.csv", SheetAsync).RequireAuthorization(PricerPolicies.Member);
        campaigns.MapPost("/human_out.csv", ImportSheetAsync).DisableAntiforgery();
        return endpoints;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<IResult> NextAsync(int campaignId, ClaimsPrincipal user, GuessService guesses, CancellationToken cancellationToken) =>
        await guesses.NextAsync(campaignId, UserId(user), cancellationToken) is { } item ? Results.Ok(item) : Results.NoContent();

    private static async Task<IResult> GuessAsync(
        int campaignId, GuessRequest request, ClaimsPrincipal user, GuessService guesses, GuessLimiter limiter, CancellationToken cancellationToken)
    {
        var userId = UserId(user);
        if (!limiter.TryAcquire(userId))
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: "Too many guesses at once: slow down.");
        var outcome = await guesses.SubmitAsync(campaignId, userId, request.ItemId, request.Price, cancellationToken);
        return outcome.Status switch
        {
            GuessStatus.Stored => Results.Created($"/api/campaigns/{campaignId}/guesses/{request.ItemId}", outcome),
            GuessStatus.Duplicate => Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: outcome.Message),
            GuessStatus.NotInCampaign => Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: outcome.Message),
            GuessStatus.Closed => Results.Problem(statusCode: StatusCodes.Status410Gone, detail: outcome.Message),
            _ => Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: outcome.Message),
        };
    }

    private static async Task<IResult> LeaderboardAsync(int campaignId, CampaignScores scores, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await scores.LeaderboardAsync(campaignId, cancellationToken) is not { } board)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no campaign {campaignId}.");
        // Suspicious patterns name people: Admins only.
        return Results.Ok(new { board.Rows, Suspicious = user.IsInRole(nameof(Pricer.Data.Accounts.PricerRole.Admin)) ? board.Suspicious : [] });
    }

    /// <summary>The body is a filled human_out.csv (text/csv); its guesses become the signed-in person's.</summary>
    private static async Task<IResult> ImportSheetAsync(int campaignId, HttpRequest request, ClaimsPrincipal user, CampaignSheets sheets, CancellationToken cancellationToken)
    {
        // The route takes no antiforgery token; a cross-site HTML form cannot send text/csv, so insisting on it keeps forms out.
        if (!string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Send the sheet as text/csv.");
        if (request.ContentLength > CampaignSheets.MaxSheetBytes)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"A sheet may be at most {CampaignSheets.MaxSheetBytes / 1_000_000} MB.");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > CampaignSheets.MaxSheetBytes)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"A sheet may be at most {CampaignSheets.MaxSheetBytes / 1_000_000} MB.");
        body.Position = 0;
        var result = await sheets.ImportAsync(campaignId, UserId(user), body, cancellationToken);
        return result.Succeeded ? Results.Ok(result) : Results.BadRequest(result);
    }

    private static async Task<IResult> SheetAsync(int campaignId, CampaignSheets sheets, CancellationToken cancellationToken)
    {
        if (await sheets.ExportAsync(campaignId, cancellationToken) is not { } texts)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no campaign {campaignId}.");
        var csv = new StringBuilder();
        foreach (var text in texts) csv.Append(CsvText.Field(text)).Append(",0\r\n");
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "human_in.csv");
    }
}
