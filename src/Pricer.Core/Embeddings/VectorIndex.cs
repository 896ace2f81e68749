using System.Numerics.Tensors;

namespace Pricer.Core.Embeddings;

/// <summary>
/// Exact cosine nearest-neighbour search over unit vectors held in one contiguous array: every query scores
/// every row with a SIMD dot product, keeps the best k in a bounded heap per partition, and merges them.
/// </summary>
public sealed class VectorIndex
{
    // Below this many rows a second thread costs more than it saves.
    private const int RowsPerPartitionMinimum = 20_000;

    private readonly float[] _vectors;
    private readonly long[] _ids;
    private readonly int _partitions;

    /// <param name="vectors">Row-major, <paramref name="ids"/>.Length rows of <paramref name="dimensions"/> floats each, unit length.</param>
    /// <param name="ids">The id stored with each row (an item's row id).</param>
    /// <param name="maxParallelism">Threads one query may use.</param>
    public VectorIndex(int dimensions, float[] vectors, long[] ids, int maxParallelism = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (vectors.Length != (long)ids.Length * dimensions)
            throw new ArgumentException($"{ids.Length} ids of {dimensions} dimensions need {(long)ids.Length * dimensions} floats, not {vectors.Length}.", nameof(vectors));
        Dimensions = dimensions;
        _vectors = vectors;
        _ids = ids;
        _partitions = Math.Clamp(Math.Min(maxParallelism, ids.Length / RowsPerPartitionMinimum), 1, Environment.ProcessorCount);
    }

    public int Dimensions { get; }

    public int Count => _ids.Length;

    public long IdAt(int row) => _ids[row];

    public ReadOnlySpan<float> VectorAt(int row) => _vectors.AsSpan(row * Dimensions, Dimensions);

    /// <summary>The <paramref name="k"/> rows most similar to <paramref name="query"/>, best first (ties: lower row first).</summary>
    /// <param name="excludeId">An id never returned, such as the query item's own.</param>
    public IReadOnlyList<Neighbour> Search(ReadOnlySpan<float> query, int k, long? excludeId = null)
    {
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {Dimensions}.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (Count == 0) return [];

        var best = new List<Neighbour>(k * _partitions);
        if (_partitions == 1)
            best.AddRange(Scan(query, 0, Count, k, excludeId));
        else
        {
            var queryCopy = query.ToArray();
            var parts = new Neighbour[_partitions][];
            var rowsPerPart = (Count + _partitions - 1) / _partitions;
            Parallel.For(0, _partitions, new ParallelOptions { MaxDegreeOfParallelism = _partitions }, part =>
                parts[part] = Scan(queryCopy, part * rowsPerPart, Math.Min(Count, (part + 1) * rowsPerPart), k, excludeId));
            foreach (var part in parts) best.AddRange(part);
        }
        best.Sort(static (a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Row.CompareTo(b.Row));
        return best.Count > k ? best[..k] : best;
    }

    private Neighbour[] Scan(ReadOnlySpan<float> query, int from, int to, int k, long? excludeId)
    {
        // A min-heap of the best k so far: its root is the one to beat.
        var heap = new PriorityQueue<int, float>(k + 1);
        var dimensions = Dimensions;
        var vectors = _vectors.AsSpan();
        var floor = float.NegativeInfinity;
        for (var row = from; row < to; row++)
        {
            var similarity = TensorPrimitives.Dot(query, vectors.Slice(row * dimensions, dimensions));
            if (similarity <= floor && heap.Count == k) continue;
            if (excludeId == _ids[row]) continue;
            if (heap.Count < k) heap.Enqueue(row, similarity);
            else heap.DequeueEnqueue(row, similarity);
            if (heap.Count == k) heap.TryPeek(out _, out floor);
        }
        var found = new Neighbour[heap.Count];
        for (var i = found.Length - 1; heap.TryDequeue(out var row, out var similarity); i--)
            found[i] = new Neighbour(row, _ids[row], similarity);
        return found;
    }
}
