using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pricer.Core.Training;

/// <summary>The course's 2025 residual block: Linear, LayerNorm, ReLU, Dropout, Linear, LayerNorm, plus the input, then ReLU.</summary>
public sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Sequential block;

    public ResidualBlock(int size, double dropout, Generator? random) : base(nameof(ResidualBlock))
    {
        block = Sequential(SeededLinear.Create(size, size, random), LayerNorm(size), ReLU(), new SeededDropout(dropout), SeededLinear.Create(size, size, random), LayerNorm(size));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => functional.relu(block.forward(input).add_(input));
}
