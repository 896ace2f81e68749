namespace Pricer.Core.Pricers.Baselines;

/// <summary>The course's baselines in the order the course presented them.</summary>
public static class BaselineCatalog
{
    public static IReadOnlyList<IBaselineTrainer> All { get; } =
    [
        new RandomBaseline(),
        new ConstantBaseline(),
        new FeatureRegressionBaseline(),
        new BagOfWordsRegressionBaseline(),
        new RandomForestBaseline(),
        new GradientBoostingBaseline(),
    ];

    /// <exception cref="ArgumentException">No baseline has that name; the message lists the names.</exception>
    public static IBaselineTrainer Find(string name) =>
        All.FirstOrDefault(trainer => string.Equals(trainer.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"Unknown baseline '{name}'. Known baselines: {string.Join(", ", All.Select(trainer => trainer.Name))}.", nameof(name));
}
