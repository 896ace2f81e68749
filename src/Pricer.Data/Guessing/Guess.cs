namespace Pricer.Data.Guessing;

/// <summary>One person's price for one campaign item; at most one per person and item (a unique index).</summary>
public sealed class Guess
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public long ItemId { get; set; }
    public required string UserId { get; set; }
    public double Price { get; set; }

    /// <summary>Seconds from the item being shown to the guess arriving; null for guesses imported from a sheet.</summary>
    public double? SecondsTaken { get; set; }

    public DateTime GuessedAtUtc { get; set; }
    public GuessSource Source { get; set; }
}
