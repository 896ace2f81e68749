using Pricer.Core.Text;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>
/// One batch of feature rows as the first layer reads them: flat indices, row offsets and per-index
/// values (EmbeddingBag's sum with per-sample weights), or, for the seed's path, a dense rows x features matrix.
/// </summary>
public sealed class SparseBatch : IDisposable
{
    private SparseBatch(int rows, Tensor? indices, Tensor? offsets, Tensor? values, Tensor? dense)
    {
        Rows = rows;
        Indices = indices;
        Offsets = offsets;
        Values = values;
        Dense = dense;
    }

    public int Rows { get; }
    public Tensor? Indices { get; }
    public Tensor? Offsets { get; }
    public Tensor? Values { get; }
    public Tensor? Dense { get; }

    /// <summary>The rows <paramref name="rows"/> of <paramref name="features"/>, on <paramref name="device"/>.</summary>
    public static SparseBatch From(SparseMatrix features, ReadOnlySpan<int> rows, bool dense, Device device)
    {
        if (dense) return new SparseBatch(rows.Length, null, null, null, Densify(features, rows, device));
        var total = 0;
        foreach (var row in rows) total += features.RowStarts[row + 1] - features.RowStarts[row];
        var indices = new long[total];
        var values = new float[total];
        var offsets = new long[rows.Length];
        var at = 0;
        for (var r = 0; r < rows.Length; r++)
        {
            offsets[r] = at;
            var start = features.RowStarts[rows[r]];
            var length = features.RowStarts[rows[r] + 1] - start;
            for (var k = 0; k < length; k++) indices[at + k] = features.Indices[start + k];
            features.Values.AsSpan(start, length).CopyTo(values.AsSpan(at));
            at += length;
        }
        return new SparseBatch(rows.Length, tensor(indices, device: device), tensor(offsets, device: device), tensor(values, device: device), null);
    }

    private static Tensor Densify(SparseMatrix features, ReadOnlySpan<int> rows, Device device)
    {
        var matrix = new float[rows.Length * features.Columns];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var k = features.RowStarts[rows[r]]; k < features.RowStarts[rows[r] + 1]; k++)
                matrix[r * features.Columns + features.Indices[k]] = features.Values[k];
        }
        return tensor(matrix, [rows.Length, features.Columns], device: device);
    }

    public void Dispose()
    {
        Indices?.Dispose();
        Offsets?.Dispose();
        Values?.Dispose();
        Dense?.Dispose();
    }
}
