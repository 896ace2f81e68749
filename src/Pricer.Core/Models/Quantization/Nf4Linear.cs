using Pricer.Core.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Quantization;

/// <summary>
/// A frozen, bias-free linear layer whose weight is held as NF4 with double quantisation and dequantised on
/// every forward (and again in backward) into the input's type, QLoRA's storage and compute split. Created on its device: it does not move.
/// </summary>
public sealed class Nf4Linear : nn.Module<Tensor, Tensor>, IFrozenLinear
{
    private Nf4Tensor weight;

    public Nf4Linear(Nf4Tensor weight) : base(nameof(Nf4Linear))
    {
        if (weight.Shape.Count != 2) throw new ArgumentException($"A linear weight is 2-D (got [{string.Join(", ", weight.Shape)}]).");
        this.weight = weight;
    }

    public static Nf4Linear Quantize(Tensor weight) => new(Nf4Tensor.Quantize(weight));

    public Nf4Tensor Weight => weight;

    public long InFeatures => weight.Shape[1];

    public long OutFeatures => weight.Shape[0];

    public Device WeightDevice => weight.Codes.device;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Nf4MatMul.Apply(input, weight).MoveToOuterDisposeScope();
    }

    public void AddToWeight(Tensor delta)
    {
        using var scope = NewDisposeScope();
        var updated = Nf4Tensor.Quantize(weight.Dequantize().add(delta.to(ScalarType.Float32)));
        weight.Dispose();
        weight = updated;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) weight.Dispose();
        base.Dispose(disposing);
    }
}
