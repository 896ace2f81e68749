namespace Pricer.Data.Guessing;

/// <summary>One item of a campaign and its place in the campaign's order (0-based).</summary>
public sealed class CampaignItem
{
    public int CampaignId { get; set; }
    public long ItemId { get; set; }
    public int Order { get; set; }
}
