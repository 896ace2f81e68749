namespace Pricer.Core.Text;

/// <summary>A row of a sparse feature matrix: ascending indices and their values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;
}
