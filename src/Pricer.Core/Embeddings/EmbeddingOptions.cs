namespace Pricer.Core.Embeddings;

/// <summary>How texts are embedded; bound from the "Embeddings" configuration section.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>Texts per model call: larger batches amortise the call, smaller ones report progress sooner.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Threads ONNX Runtime may use inside one call.</summary>
    public int Threads { get; set; } = 2;
}
