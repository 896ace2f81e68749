namespace Pricer.Data.Guessing;

public sealed record CampaignSummary(Campaign Campaign, string Dataset, int Guesses, int Players);
