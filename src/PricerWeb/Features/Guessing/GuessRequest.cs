namespace PricerWeb.Features.Guessing;

/// <summary>The body of POST /api/campaigns/{id}/guesses.</summary>
public sealed record GuessRequest(long ItemId, double Price);
