namespace Pricer.Core.Embeddings;

/// <summary>Turns texts into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ITextEmbedder
{
    /// <summary>The model's name, stored with every vector so that vectors of different models never mix.</summary>
    string Model { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in order; long texts are cut to the model's input length.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
