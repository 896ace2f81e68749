using Microsoft.Extensions.Options;
using Pricer.Core.Embeddings;

namespace Pricer.Core.Tests.Embeddings;

/// <summary>One embedder for the whole test run: loading the 90 MB model once keeps the suite quick.</summary>
internal static class MiniLm
{
    private static readonly Lazy<MiniLmEmbedder> Shared = new(() => new MiniLmEmbedder(Options.Create(new EmbeddingOptions { BatchSize = 16 })));

    public static MiniLmEmbedder Embedder => Shared.Value;

    public static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
