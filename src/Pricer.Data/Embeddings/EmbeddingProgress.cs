namespace Pricer.Data.Embeddings;

/// <summary>An embedding job's progress: how many of the data set's items have vectors now, and how fast they come.</summary>
public sealed record EmbeddingProgress(int Embedded, int Total, int AddedThisRun, double ItemsPerSecond)
{
    public double Fraction => Total == 0 ? 1 : (double)Embedded / Total;

    public override string ToString() => $"embedded {Embedded:N0} of {Total:N0} items ({ItemsPerSecond:0.0} items/s)";
}
