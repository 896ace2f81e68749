namespace Pricer.Data.Guessing;

/// <summary>Which of a split's items a campaign holds.</summary>
public enum CampaignSelection
{
    /// <summary>The first N items in the split's order, as the course's human sheet did.</summary>
    FirstItems = 0,

    /// <summary>N items drawn with a seed, so the same seed draws the same items.</summary>
    RandomSample = 1,
}
