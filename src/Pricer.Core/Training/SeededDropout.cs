using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pricer.Core.Training;

/// <summary>
/// Dropout (inverted, as nn.Dropout) whose masks come from <see cref="Random"/>, a generator the trainer seeds
/// every epoch. nn.Dropout draws from torch's process-wide generator, which any other torch work in the
/// process (another run, a LoRA job, a parallel test) also draws from, so a resumed run got other masks.
/// </summary>
public sealed class SeededDropout(double probability) : Module<Tensor, Tensor>(nameof(SeededDropout))
{
    public double Probability { get; } = probability;

    /// <summary>Where masks are drawn from; torch's process-wide generator while null.</summary>
    public Generator? Random { get; set; }

    public override Tensor forward(Tensor input)
    {
        // An alias, not the input itself: Sequential disposes each intermediate tensor once the next module returns.
        if (!training || Probability == 0) return input.alias();
        using var mask = empty_like(input).bernoulli_(1 - Probability, Random);
        return input.mul(mask).div_(1 - Probability);
    }
}
