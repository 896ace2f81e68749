using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>SwiGLU feed-forward: down(silu(gate(x)) · up(x)).</summary>
public sealed class LlamaMlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Module names are Hugging Face's.
    private readonly nn.Module<Tensor, Tensor> gate_proj;
    private readonly nn.Module<Tensor, Tensor> up_proj;
    private readonly nn.Module<Tensor, Tensor> down_proj;
#pragma warning restore IDE1006

    public LlamaMlp(LlamaConfig config, string path, LinearFactory linear) : base(nameof(LlamaMlp))
    {
        gate_proj = linear($"{path}.gate_proj", config.HiddenSize, config.IntermediateSize);
        up_proj = linear($"{path}.up_proj", config.HiddenSize, config.IntermediateSize);
        down_proj = linear($"{path}.down_proj", config.IntermediateSize, config.HiddenSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return down_proj.call(nn.functional.silu(gate_proj.call(input)).mul(up_proj.call(input))).MoveToOuterDisposeScope();
    }
}
