namespace Pricer.Core.Models.MiniLm;

/// <summary>A BERT encoder's sizes; <see cref="MiniLmL6"/> is all-MiniLM-L6-v2.</summary>
public sealed record BertConfig(
    int VocabSize = 30522,
    int HiddenSize = 384,
    int Layers = 6,
    int Heads = 12,
    int IntermediateSize = 1536,
    int MaxPositions = 512,
    int TypeVocabSize = 2,
    double LayerNormEps = 1e-12)
{
    public static BertConfig MiniLmL6 { get; } = new();

    public int HeadSize => HiddenSize / Heads;
}
