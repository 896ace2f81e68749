using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>Builds one of the course's baseline pricers from training items.</summary>
public interface IBaselineTrainer
{
    /// <summary>Short stable name ("constant", "bow-lr", ...) used on runs and the command line.</summary>
    string Name { get; }

    string Description { get; }

    /// <exception cref="ArgumentException">The training list is empty.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IPricer Train(IReadOnlyList<Item> train, BaselineOptions options, CancellationToken cancellationToken = default);
}
