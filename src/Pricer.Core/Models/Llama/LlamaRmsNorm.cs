using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>Root-mean-square layer norm, computed in float32 whatever the compute type, as Hugging Face's LlamaRMSNorm.</summary>
public sealed class LlamaRmsNorm : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Parameter names are Hugging Face's state-dict keys.
    private readonly Parameter weight;
#pragma warning restore IDE1006
    private readonly double epsilon;

    public LlamaRmsNorm(long size, double epsilon, Device? device = null, ScalarType? dtype = null) : base(nameof(LlamaRmsNorm))
    {
        weight = new Parameter(ones(size, dtype: dtype, device: device));
        this.epsilon = epsilon;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var wide = input.to(ScalarType.Float32);
        var normalized = wide.mul(wide.pow(2).mean([-1], keepdim: true).add(epsilon).rsqrt());
        return weight.mul(normalized.to(input.dtype)).MoveToOuterDisposeScope();
    }
}
