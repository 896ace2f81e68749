using Pricer.Core.Items;
using Pricer.Core.Models.Llama;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>Right-padded prompt+completion ids with labels -100 everywhere but the completion, as Hugging Face masks them.</summary>
public sealed class CompletionBatch : IDisposable
{
    public const long IgnoreIndex = -100;

    private CompletionBatch(Tensor inputIds, Tensor labels)
    {
        InputIds = inputIds;
        Labels = labels;
    }

    public Tensor InputIds { get; }

    public Tensor Labels { get; }

    public static CompletionBatch Create(IReadOnlyList<Item> items, Llama3Tokenizer tokenizer, int maxTextTokens, Device device)
    {
        var rows = items.Select(i => CoursePrompt.TrainingIds(tokenizer, i.Text, i.Price, maxTextTokens)).ToList();
        var length = rows.Max(r => r.Ids.Length);
        var ids = new long[rows.Count * length];
        var labels = new long[rows.Count * length];
        Array.Fill(labels, IgnoreIndex);
        for (var row = 0; row < rows.Count; row++)
        {
            var (rowIds, promptLength) = rows[row];
            for (var t = 0; t < rowIds.Length; t++)
            {
                ids[row * length + t] = rowIds[t];
                if (t >= promptLength) labels[row * length + t] = rowIds[t];
            }
        }
        return new CompletionBatch(tensor(ids, [rows.Count, length], device: device), tensor(labels, [rows.Count, length], device: device));
    }

    /// <summary>Mean cross-entropy of each next token against its label, over unmasked labels only.</summary>
    public Tensor Loss(Tensor logits)
    {
        using var scope = NewDisposeScope();
        var vocabulary = logits.shape[^1];
        var predicted = logits.narrow(1, 0, logits.shape[1] - 1).reshape(-1, vocabulary).to(ScalarType.Float32);
        var targets = Labels.narrow(1, 1, Labels.shape[1] - 1).reshape(-1);
        return nn.functional.cross_entropy(predicted, targets, ignore_index: IgnoreIndex).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        InputIds.Dispose();
        Labels.Dispose();
    }
}
