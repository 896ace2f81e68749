using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>The decoder stack without its head (Hugging Face's LlamaModel): token ids to final normed hidden states.</summary>
public sealed class LlamaModel : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Module names are Hugging Face's.
    private readonly Embedding embed_tokens;
    private readonly ModuleList<LlamaDecoderLayer> layers = new();
    private readonly LlamaRmsNorm norm;
#pragma warning restore IDE1006
    private readonly RotaryEmbedding rotary;

    public LlamaModel(LlamaConfig config, string path, LinearFactory linear, Device device, ScalarType dtype) : base(nameof(LlamaModel))
    {
        embed_tokens = nn.Embedding(config.VocabSize, config.HiddenSize, device: device, dtype: dtype);
        for (var i = 0; i < config.NumHiddenLayers; i++) layers.Add(new LlamaDecoderLayer(config, $"{path}.layers.{i}", linear, device, dtype));
        norm = new LlamaRmsNorm(config.HiddenSize, config.RmsNormEps, device, dtype);
        rotary = new RotaryEmbedding(config);
        RegisterComponents();
    }

    public Embedding Embeddings => embed_tokens;

    /// <summary>[batch, length] token ids, right-padded, to [batch, length, hidden].</summary>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        var hidden = embed_tokens.call(inputIds);
        var (cos, sin) = rotary.Angles(inputIds.shape[1], hidden.device, hidden.dtype);
        foreach (var layer in layers) hidden = layer.call(hidden, cos, sin);
        return norm.call(hidden).MoveToOuterDisposeScope();
    }
}
