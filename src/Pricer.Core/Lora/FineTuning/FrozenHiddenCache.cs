using Pricer.Core.Models.MiniLm;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>
/// The frozen encoder's hidden states entering one layer, computed once per item (float16, unpadded), so that a
/// fine-tune that adapts only that layer and the ones above it runs just those layers forward and backward each epoch.
/// </summary>
public sealed class FrozenHiddenCache : IDisposable
{
    private readonly Tensor[] states;

    private FrozenHiddenCache(int layer, Tensor[] states)
    {
        Layer = layer;
        this.states = states;
    }

    /// <summary>The encoder layer the cached states enter.</summary>
    public int Layer { get; }

    public int Count => states.Length;

    /// <summary>Runs the embeddings and layers below <paramref name="layer"/> over <paramref name="texts"/> without gradients.</summary>
    public static FrozenHiddenCache Build(
        BertModel encoder, MiniLmTokenizer tokenizer, IReadOnlyList<string> texts, int layer, CancellationToken cancellationToken, int batchSize = 32)
    {
        var states = new Tensor[texts.Count];
        var wasTraining = encoder.training;
        encoder.eval();
        try
        {
            using var _ = no_grad();
            for (var start = 0; start < texts.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var count = Math.Min(batchSize, texts.Count - start);
                using var batch = tokenizer.Encode([.. texts.Skip(start).Take(count)]);
                var hidden = encoder.HiddenBefore(batch, layer);
                var lengths = batch.AttentionMask.sum(1).data<long>().ToArray();
                for (var row = 0; row < count; row++)
                    states[start + row] = hidden[row].narrow(0, 0, lengths[row]).to(ScalarType.Float16).clone().DetachFromDisposeScope();
            }
        }
        catch
        {
            foreach (var state in states) state?.Dispose();
            throw;
        }
        finally
        {
            encoder.train(wasTraining);
        }
        return new FrozenHiddenCache(layer, states);
    }

    /// <summary>The cached states of <paramref name="indices"/> padded to the longest, as float32 [batch, tokens, hidden], with their attention mask.</summary>
    public (Tensor Hidden, Tensor AttentionMask) Batch(IReadOnlyList<int> indices)
    {
        var width = indices.Max(i => states[i].shape[0]);
        var hiddenSize = states[indices[0]].shape[1];
        var hidden = zeros([indices.Count, width, hiddenSize]);
        var mask = zeros([indices.Count, width], ScalarType.Int64);
        using var _ = no_grad();
        for (var row = 0; row < indices.Count; row++)
        {
            var length = states[indices[row]].shape[0];
            hidden[row].narrow(0, 0, length).copy_(states[indices[row]]);
            mask[row].narrow(0, 0, length).fill_(1);
        }
        return (hidden, mask);
    }

    public void Dispose()
    {
        foreach (var state in states) state.Dispose();
    }
}
