namespace Pricer.Data.Guessing;

/// <summary>
/// The item a player is looking at now, kept so that a refresh or a lost connection shows the same item and the
/// time taken is measured on the server from when it was first shown.
/// </summary>
public sealed class GuessAssignment
{
    public int CampaignId { get; set; }
    public required string UserId { get; set; }
    public long ItemId { get; set; }
    public DateTime ServedAtUtc { get; set; }
}
