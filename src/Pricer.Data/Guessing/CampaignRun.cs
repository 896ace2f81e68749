namespace Pricer.Data.Guessing;

/// <summary>Links a campaign to the pricer runs its guesses are published as (one per player, plus the crowd).</summary>
public sealed class CampaignRun
{
    public const string CrowdMedianKey = "crowd-median";
    public const string CrowdMeanKey = "crowd-mean";

    public int RunId { get; set; }
    public int CampaignId { get; set; }

    /// <summary>"player:{userId}", <see cref="CrowdMedianKey"/> or <see cref="CrowdMeanKey"/>.</summary>
    public required string Key { get; set; }

    public static string PlayerKey(string userId) => $"player:{userId}";
}
