using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>Causal self-attention with grouped key/value heads: each key/value head serves heads / kv-heads query heads.</summary>
public sealed class LlamaAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Module names are Hugging Face's, so LoRA targets and PEFT keys match.
    private readonly nn.Module<Tensor, Tensor> q_proj;
    private readonly nn.Module<Tensor, Tensor> k_proj;
    private readonly nn.Module<Tensor, Tensor> v_proj;
    private readonly nn.Module<Tensor, Tensor> o_proj;
#pragma warning restore IDE1006
    private readonly int heads;
    private readonly int keyValueHeads;
    private readonly int headDim;

    public LlamaAttention(LlamaConfig config, string path, LinearFactory linear) : base(nameof(LlamaAttention))
    {
        heads = config.NumAttentionHeads;
        keyValueHeads = config.NumKeyValueHeads;
        headDim = config.HeadDim;
        q_proj = linear($"{path}.q_proj", config.HiddenSize, heads * headDim);
        k_proj = linear($"{path}.k_proj", config.HiddenSize, keyValueHeads * headDim);
        v_proj = linear($"{path}.v_proj", config.HiddenSize, keyValueHeads * headDim);
        o_proj = linear($"{path}.o_proj", heads * headDim, config.HiddenSize);
        RegisterComponents();
    }

    /// <summary>Attends over right-padded [batch, length, hidden] states; the causal mask keeps real tokens from seeing padding.</summary>
    public override Tensor forward(Tensor hidden, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var (batch, length) = (hidden.shape[0], hidden.shape[1]);
        var query = RotaryEmbedding.Apply(Heads(q_proj.call(hidden), heads, batch, length), cos, sin);
        var key = RotaryEmbedding.Apply(Heads(k_proj.call(hidden), keyValueHeads, batch, length), cos, sin);
        var value = Heads(v_proj.call(hidden), keyValueHeads, batch, length);
        if (keyValueHeads < heads)
        {
            key = key.repeat_interleave(heads / keyValueHeads, dim: 1);
            value = value.repeat_interleave(heads / keyValueHeads, dim: 1);
        }
        var attended = nn.functional.scaled_dot_product_attention(query, key, value, is_casual: true);
        return o_proj.call(attended.transpose(1, 2).reshape(batch, length, heads * headDim)).MoveToOuterDisposeScope();
    }

    private Tensor Heads(Tensor projected, int count, long batch, long length) =>
        projected.view(batch, length, count, headDim).transpose(1, 2);
}
