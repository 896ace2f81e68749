using Pricer.Core.Items;

namespace Pricer.Data.Guessing;

/// <summary>A crowd guessing game over a fixed set of one data set's items.</summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int DatasetId { get; set; }
    public Split Split { get; set; }
    public CampaignSelection Selection { get; set; }

    /// <summary>How many items the campaign holds (its CampaignItems).</summary>
    public int ItemCount { get; set; }

    /// <summary>The random sample's seed; null for the first items in order.</summary>
    public int? Seed { get; set; }

    /// <summary>The coverage target: how many people should guess each item.</summary>
    public int GuessesPerItem { get; set; }

    /// <summary>Whether a player sees the true price (and the colour) right after each guess.</summary>
    public bool RevealTruth { get; set; }

    public DateTime? DeadlineUtc { get; set; }
    public required string CreatedByUserId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public bool IsOpenAt(DateTime utcNow) => DeadlineUtc is not { } deadline || utcNow < deadline;
}
