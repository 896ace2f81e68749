using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

/// <summary>
/// A BERT encoder laid out as Hugging Face's BertModel (without the pooler), so its state-dict keys and
/// module paths are the Hugging Face ones: encoder.layer.0.attention.self.query and so on.
/// </summary>
#pragma warning disable IDE1006 // Field names are the Hugging Face module names, so weights and PEFT keys line up.
public sealed class BertModel : nn.Module<TokenBatch, Tensor>
{
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;

    public BertModel(BertConfig config) : base(nameof(BertModel))
    {
        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoder(config);
        RegisterComponents();
    }

    public BertConfig Config { get; }

    /// <summary>The last hidden state, [batch, tokens, hidden].</summary>
    public override Tensor forward(TokenBatch batch)
    {
        using var scope = NewDisposeScope();
        return encoder.call(embeddings.call(batch.InputIds, batch.TokenTypeIds), MaskBias(batch.AttentionMask)).MoveToOuterDisposeScope();
    }

    /// <summary>The hidden state entering encoder layer <paramref name="layer"/> (0: the embeddings' output), [batch, tokens, hidden].</summary>
    public Tensor HiddenBefore(TokenBatch batch, int layer)
    {
        CheckLayer(layer);
        using var scope = NewDisposeScope();
        return encoder.Run(embeddings.call(batch.InputIds, batch.TokenTypeIds), MaskBias(batch.AttentionMask), 0, layer).MoveToOuterDisposeScope();
    }

    /// <summary>The last hidden state from <paramref name="hidden"/>, the state entering layer <paramref name="layer"/>: runs only the layers from there up.</summary>
    public Tensor ForwardFrom(Tensor hidden, Tensor attentionMask, int layer)
    {
        CheckLayer(layer);
        using var scope = NewDisposeScope();
        return encoder.Run(hidden, MaskBias(attentionMask), layer, encoder.LayerCount).MoveToOuterDisposeScope();
    }

    private static Tensor MaskBias(Tensor attentionMask) =>
        (1 - attentionMask.to(ScalarType.Float32)).mul(-10000f).view(attentionMask.shape[0], 1, 1, -1);

    private void CheckLayer(int layer)
    {
        if (layer < 0 || layer >= encoder.LayerCount) throw new ArgumentOutOfRangeException(nameof(layer), $"The encoder has layers 0 to {encoder.LayerCount - 1}.");
    }

    /// <summary>Sentence-transformers' mean pooling: the average of the token vectors that the mask keeps.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var mask = attentionMask.to(hidden.dtype).unsqueeze(-1);
        return (hidden * mask).sum(1).div(mask.sum(1).clamp_min(1e-9)).MoveToOuterDisposeScope();
    }
}
