using Pricer.Core.Items;

namespace Pricer.Data.Guessing;

/// <summary>What a Member asks for when creating a campaign.</summary>
public sealed record CampaignRequest(
    string Name, string Dataset, Split Split, CampaignSelection Selection, int ItemCount, int? Seed,
    int GuessesPerItem, bool RevealTruth, DateTime? DeadlineUtc)
{
    public const int MaxItems = 5_000;
    public const int MaxGuessesPerItem = 1_000;
}
