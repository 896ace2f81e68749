using Pricer.Core.Embeddings;

namespace Pricer.Core.Tests.Embeddings;

public class VectorIndexTests
{
    [Theory]
    [InlineData(500, 1)]
    [InlineData(45_000, 2)]   // large enough for two partitions
    public void Finds_exactly_what_scoring_every_row_and_sorting_finds(int rows, int maxParallelism)
    {
        const int dimensions = 24;
        var random = new Random(3);
        var vectors = RandomUnitVectors(random, rows, dimensions);
        var index = new VectorIndex(dimensions, vectors, Enumerable.Range(0, rows).Select(i => 1000L + i).ToArray(), maxParallelism);

        for (var q = 0; q < 5; q++)
        {
            var query = RandomUnitVectors(random, 1, dimensions);
            var expected = Enumerable.Range(0, rows)
                .Select(r => (Row: r, Score: Enumerable.Range(0, dimensions).Sum(d => query[d] * vectors[r * dimensions + d])))
                .OrderByDescending(x => x.Score).Take(7).ToList();

            var found = index.Search(query, 7);

            Assert.Equal(expected.Select(e => e.Row), found.Select(f => f.Row));
            Assert.Equal(expected.Select(e => 1000L + e.Row), found.Select(f => f.Id));
            for (var i = 0; i < found.Count; i++) Assert.Equal(expected[i].Score, found[i].Similarity, 1e-4f);
        }
    }

    [Fact]
    public void Leaves_out_the_excluded_id_and_breaks_ties_by_row()
    {
        float[] vectors = [1, 0, 0, 1, 1, 0, 1, 0];
        var index = new VectorIndex(2, vectors, [10, 11, 12, 13]);

        var found = index.Search([1, 0], 3, excludeId: 12);

        Assert.Equal([10L, 13L, 11L], found.Select(f => f.Id));
        Assert.Equal([1f, 1f, 0f], found.Select(f => f.Similarity));
    }

    [Fact]
    public void Asking_for_more_than_there_are_returns_them_all_and_an_empty_index_returns_none()
    {
        var index = new VectorIndex(2, [1, 0, 0, 1], [1, 2]);

        Assert.Equal(2, index.Search([0, 1], 10).Count);
        Assert.Empty(new VectorIndex(2, [], []).Search([0, 1], 3));
    }

    [Fact]
    public void Mismatched_sizes_are_refused_with_the_numbers()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => new VectorIndex(3, new float[7], [1, 2]));
        Assert.Contains("6 floats, not 7", wrongLength.Message);

        var index = new VectorIndex(2, [1, 0], [1]);
        Assert.Contains("3 dimensions", Assert.Throws<ArgumentException>(() => index.Search([1, 0, 0], 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search([1, 0], 0));
    }

    private static float[] RandomUnitVectors(Random random, int rows, int dimensions)
    {
        var vectors = new float[rows * dimensions];
        for (var r = 0; r < rows; r++)
        {
            var row = vectors.AsSpan(r * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++) row[d] = (float)(random.NextDouble() * 2 - 1);
            var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(row, row));
            for (var d = 0; d < dimensions; d++) row[d] /= norm;
        }
        return vectors;
    }
}
