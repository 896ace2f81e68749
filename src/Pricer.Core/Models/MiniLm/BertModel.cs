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
        var maskBias = (1 - batch.AttentionMask.to(ScalarType.Float32)).mul(-10000f).view(batch.AttentionMask.shape[0], 1, 1, -1);
        return encoder.call(embeddings.call(batch.InputIds, batch.TokenTypeIds), maskBias).MoveToOuterDisposeScope();
    }

    /// <summary>Sentence-transformers' mean pooling: the average of the token vectors that the mask keeps.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var mask = attentionMask.to(hidden.dtype).unsqueeze(-1);
        return (hidden * mask).sum(1).div(mask.sum(1).clamp_min(1e-9)).MoveToOuterDisposeScope();
    }
}
