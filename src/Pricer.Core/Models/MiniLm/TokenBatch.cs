using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

/// <summary>A padded batch of WordPiece ids, [batch, tokens] each, as BERT reads it.</summary>
public sealed class TokenBatch(Tensor inputIds, Tensor tokenTypeIds, Tensor attentionMask) : IDisposable
{
    public Tensor InputIds { get; } = inputIds;

    public Tensor TokenTypeIds { get; } = tokenTypeIds;

    public Tensor AttentionMask { get; } = attentionMask;

    public TokenBatch To(Device device) => new(InputIds.to(device), TokenTypeIds.to(device), AttentionMask.to(device));

    public void Dispose()
    {
        InputIds.Dispose();
        TokenTypeIds.Dispose();
        AttentionMask.Dispose();
    }
}
