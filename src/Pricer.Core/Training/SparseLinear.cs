using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pricer.Core.Training;

/// <summary>
/// A linear layer over feature rows. Its weight is kept features x outputs (EmbeddingBag's layout, the
/// transpose of nn.Linear's) so a sparse row costs one gathered sum; a dense batch multiplies the same weight.
/// Initialised as nn.Linear is: uniform in ±1/sqrt(inputs), drawn from <c>random</c> where one is given.
/// </summary>
public sealed class SparseLinear : Module<SparseBatch, Tensor>
{
    private readonly EmbeddingBag bag;
    private readonly Parameter bias;

    public SparseLinear(int inputs, int outputs, Generator? random = null) : base(nameof(SparseLinear))
    {
        bag = EmbeddingBag(inputs, outputs, mode: EmbeddingBagMode.Sum);
        bias = Parameter(empty(outputs));
        var bound = 1.0 / Math.Sqrt(inputs);
        using (no_grad())
        {
            bag.weight!.uniform_(-bound, bound, random);
            bias.uniform_(-bound, bound, random);
        }
        RegisterComponents();
    }

    /// <summary>Features x outputs.</summary>
    public Parameter Weight => bag.weight!;

    public Parameter Bias => bias;

    public override Tensor forward(SparseBatch batch)
    {
        if (batch.Dense is { } dense) return dense.matmul(bag.weight!).add_(bias);
        return bag.forward(batch.Indices!, batch.Offsets!, batch.Values!).add_(bias);
    }
}
