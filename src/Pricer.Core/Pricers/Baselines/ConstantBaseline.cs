using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>The course's constant pricer: always the mean training price.</summary>
public sealed class ConstantBaseline : IBaselineTrainer
{
    public string Name => "constant";

    public string Description => "The mean price of the training items";

    public IPricer Train(IReadOnlyList<Item> train, BaselineOptions options, CancellationToken cancellationToken = default)
    {
        TrainingItems.Check(train);
        return new ConstantPricer(Name, Guess.Clamp(train.Average(item => item.Price)));
    }
}
