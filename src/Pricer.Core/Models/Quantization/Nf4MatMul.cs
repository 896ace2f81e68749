using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Quantization;

/// <summary>
/// x·Wᵀ for an NF4 weight whose backward dequantises the weight again instead of keeping the forward's
/// dequantised copy: autograd's plain linear would hold every layer's full-precision weight until backward,
/// giving back QLoRA's memory saving during training (bitsandbytes' MatMul4Bit does the same).
/// </summary>
internal sealed class Nf4MatMul : autograd.SingleTensorFunction<Nf4MatMul>
{
    private const string WeightKey = "weight";

    public override string Name => nameof(Nf4MatMul);

    public static Tensor Apply(Tensor input, Nf4Tensor weight) => apply(input, weight);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var weight = (Nf4Tensor)vars[1];
        ctx.save_data(WeightKey, weight);
        using var scope = NewDisposeScope();
        return nn.functional.linear(input, weight.Dequantize().to(input.dtype)).MoveToOuterDisposeScope();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var weight = (Nf4Tensor)ctx.get_data(WeightKey);
        using var scope = NewDisposeScope();
        var gradInput = gradOutput.matmul(weight.Dequantize().to(gradOutput.dtype)).MoveToOuterDisposeScope();
        return [gradInput, null!];
    }
}
