using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>One pre-norm decoder block: x + attention(norm(x)), then + mlp(norm(·)).</summary>
public sealed class LlamaDecoderLayer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Module names are Hugging Face's.
    private readonly LlamaAttention self_attn;
    private readonly LlamaMlp mlp;
    private readonly LlamaRmsNorm input_layernorm;
    private readonly LlamaRmsNorm post_attention_layernorm;
#pragma warning restore IDE1006

    public LlamaDecoderLayer(LlamaConfig config, string path, LinearFactory linear, Device device, ScalarType dtype) : base(nameof(LlamaDecoderLayer))
    {
        self_attn = new LlamaAttention(config, $"{path}.self_attn", linear);
        mlp = new LlamaMlp(config, $"{path}.mlp", linear);
        input_layernorm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        post_attention_layernorm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var attended = hidden.add(self_attn.call(input_layernorm.call(hidden), cos, sin));
        return attended.add(mlp.call(post_attention_layernorm.call(attended))).MoveToOuterDisposeScope();
    }
}
