using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

internal sealed class ConstantPricer(string name, double guess) : IPricer
{
    public string Name { get; } = name;

    public double Price(Item item) => guess;
}
