using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>The course's random pricer: a whole-dollar guess from 1 to 999, ignoring the item.</summary>
public sealed class RandomBaseline : IBaselineTrainer
{
    public string Name => "random";

    public string Description => "Uniform random whole dollars from 1 to 999 (seeded)";

    public IPricer Train(IReadOnlyList<Item> train, BaselineOptions options, CancellationToken cancellationToken = default) =>
        new RandomPricer(Name, options.Seed);
}
