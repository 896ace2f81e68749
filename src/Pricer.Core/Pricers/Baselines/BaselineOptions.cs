namespace Pricer.Core.Pricers.Baselines;

/// <summary>Settings shared by the baselines; a run stores them as its configuration.</summary>
public sealed record BaselineOptions
{
    /// <summary>Seeds the random guesses and every ML.NET context, so a run can be reproduced exactly.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Learned baselines fit ln(1 + price) and guess exp(y) - 1. The training split is cheaper than the test
    /// split (mean ~$75 against ~$222), so the option changes results noticeably in both directions.
    /// </summary>
    public bool LogTarget { get; init; }

    /// <summary>How many of the most frequent words (English stop words removed) the text baselines count.</summary>
    public int Vocabulary { get; init; } = 1000;

    /// <summary>Trees in the random forest and boosting rounds in the gradient-boosted trees.</summary>
    public int Trees { get; init; } = 100;
}
