namespace Pricer.Core.Training;

/// <summary>
/// The shape of a price network. Plain: a ReLU stack through <see cref="HiddenSizes"/> (the seed is
/// 5000-128-64-64-64-64-64-64-1). Residual: the course's 2025 deep network, an input layer with LayerNorm,
/// then one LayerNorm residual block per further hidden size (all sizes equal).
/// </summary>
public sealed record NetworkSettings
{
    public int InputSize { get; init; } = Text.HashingVectorizer.SeedFeatures;

    public IReadOnlyList<int> HiddenSizes { get; init; } = [128, 64, 64, 64, 64, 64, 64];

    /// <summary>Dropout after every hidden activation; 0 turns it off.</summary>
    public double Dropout { get; init; }

    public bool Residual { get; init; }

    /// <summary>Feed the first layer a dense items x features matrix, as the seed does, instead of sparse rows.</summary>
    public bool Dense { get; init; }

    /// <summary>Why the settings cannot build a network, or null when they can.</summary>
    public string? Problem()
    {
        if (InputSize <= 0) return "The input size must be positive.";
        if (HiddenSizes.Count == 0) return "A network needs at least one hidden layer.";
        if (HiddenSizes.Any(h => h <= 0 || h > 65_536)) return "Hidden sizes must be between 1 and 65,536.";
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout)) return "Dropout must be at least 0 and below 1.";
        if (Residual && HiddenSizes.Distinct().Count() > 1) return "A residual network needs equal hidden sizes.";
        return null;
    }

    public bool Equals(NetworkSettings? other) =>
        other is not null && InputSize == other.InputSize && HiddenSizes.SequenceEqual(other.HiddenSizes)
        && Dropout.Equals(other.Dropout) && Residual == other.Residual && Dense == other.Dense;

    public override int GetHashCode() => HashCode.Combine(InputSize, HiddenSizes.Count, Dropout, Residual, Dense);
}
