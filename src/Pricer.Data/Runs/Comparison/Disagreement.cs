namespace Pricer.Data.Runs.Comparison;

/// <summary>An item on which two runs guessed far apart.</summary>
/// <param name="Difference">|guess of the first run - guess of the second|.</param>
public sealed record Disagreement(ItemComparison Item, double Difference);
