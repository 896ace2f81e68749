namespace Pricer.Data.Embeddings;

/// <summary>One item's text embedded by one model: float32 values (see <see cref="Pricer.Core.Embeddings.VectorBlob"/>).</summary>
public sealed class ItemEmbedding
{
    public long ItemId { get; set; }
    public required string Model { get; set; }

    /// <summary>The item's data set, kept here so that a data set's vectors load without touching its items.</summary>
    public int DatasetId { get; set; }

    public required byte[] Vector { get; set; }
}
