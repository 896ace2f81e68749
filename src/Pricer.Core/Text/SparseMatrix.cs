namespace Pricer.Core.Text;

/// <summary>
/// Rows of sparse features in compressed-row form: row r holds Indices/Values from RowStarts[r] to
/// RowStarts[r + 1]. One flat pair of arrays keeps 800,000 items' features in a few hundred megabytes.
/// </summary>
public sealed class SparseMatrix
{
    public SparseMatrix(int columns, int[] rowStarts, int[] indices, float[] values)
    {
        if (rowStarts.Length == 0 || rowStarts[0] != 0 || rowStarts[^1] != indices.Length || indices.Length != values.Length)
            throw new ArgumentException("Row starts must begin at 0 and end at the number of stored values.");
        foreach (var index in indices)
            if ((uint)index >= (uint)columns) throw new ArgumentOutOfRangeException(nameof(indices), $"Feature index {index} is outside 0..{columns - 1}.");
        Columns = columns;
        RowStarts = rowStarts;
        Indices = indices;
        Values = values;
    }

    public int Columns { get; }
    public int[] RowStarts { get; }
    public int[] Indices { get; }
    public float[] Values { get; }

    public int Rows => RowStarts.Length - 1;

    public SparseVector Row(int row)
    {
        var start = RowStarts[row];
        var length = RowStarts[row + 1] - start;
        return new SparseVector(Indices.AsSpan(start, length).ToArray(), Values.AsSpan(start, length).ToArray());
    }

    public static SparseMatrix FromRows(int columns, IEnumerable<SparseVector> rows)
    {
        var builder = new Builder(columns);
        foreach (var row in rows) builder.Add(row);
        return builder.Build();
    }

    /// <summary>
    /// Vectorises texts straight into one matrix, a chunk of texts at a time across the cores (tokenising is
    /// most of the time of pricing a file), keeping vectors for one chunk only.
    /// </summary>
    public static SparseMatrix Vectorize(HashingVectorizer vectorizer, IEnumerable<string> texts)
    {
        var builder = new Builder(vectorizer.Features);
        foreach (var chunk in texts.Chunk(4096))
        {
            var rows = new SparseVector[chunk.Length];
            Parallel.For(0, chunk.Length, i => rows[i] = vectorizer.Transform(chunk[i]));
            foreach (var row in rows) builder.Add(row);
        }
        return builder.Build();
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public SparseMatrix Select(IReadOnlyList<int> rows)
    {
        var builder = new Builder(Columns);
        foreach (var row in rows) builder.Add(Indices.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]), Values.AsSpan(RowStarts[row], RowStarts[row + 1] - RowStarts[row]));
        return builder.Build();
    }

    private sealed class Builder(int columns)
    {
        private readonly List<int> _starts = [0];
        private int[] _indices = new int[1024];
        private float[] _values = new float[1024];
        private int _count;

        public void Add(SparseVector row) => Add(row.Indices, row.Values);

        public void Add(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
        {
            if (_count + indices.Length > _indices.Length)
            {
                var size = Math.Max(_indices.Length * 2, _count + indices.Length);
                Array.Resize(ref _indices, size);
                Array.Resize(ref _values, size);
            }
            indices.CopyTo(_indices.AsSpan(_count));
            values.CopyTo(_values.AsSpan(_count));
            _count += indices.Length;
            _starts.Add(_count);
        }

        public SparseMatrix Build() => new(columns, _starts.ToArray(), _indices[.._count], _values[.._count]);
    }
}
