using System.Text;

namespace Pricer.Core.Text;

/// <summary>
/// Gives exactly scikit-learn's HashingVectorizer(n_features, stop_words='english', binary=True) output:
/// index = |murmurhash3_32(utf8 token, seed 0)| mod n_features, every present index set to 1 (so the
/// alternate sign is lost), then l2 normalisation, which makes each value 1/sqrt(distinct indices).
/// </summary>
public sealed class HashingVectorizer(int features = HashingVectorizer.SeedFeatures)
{
    public const int SeedFeatures = 5000;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords =
        EnglishStopWords.Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Features { get; } = features > 0 ? features : throw new ArgumentOutOfRangeException(nameof(features));

    public SparseVector Transform(string text)
    {
        var state = (Vectorizer: this, Indices: new List<int>());
        WordTokenizer.Tokenize(text, ref state, static (token, ref s) =>
        {
            if (!StopWords.Contains(token)) s.Indices.Add(s.Vectorizer.IndexOf(token));
        });
        return Normalised(state.Indices);
    }

    /// <summary>The index scikit-learn gives a token (before stop-word removal).</summary>
    public int IndexOf(ReadOnlySpan<char> token)
    {
        Span<byte> buffer = token.Length <= 256 ? stackalloc byte[token.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var length = Encoding.UTF8.GetBytes(token, buffer);
        var hash = MurmurHash3.Hash32(buffer[..length]);
        // numpy's abs(int32.MinValue) overflows; scikit-learn special-cases it to this value.
        return hash == int.MinValue ? (int)((2147483647L - (Features - 1)) % Features) : Math.Abs(hash) % Features;
    }

    private static SparseVector Normalised(List<int> indices)
    {
        if (indices.Count == 0) return SparseVector.Empty;
        indices.Sort();
        var distinct = 1;
        for (var i = 1; i < indices.Count; i++)
            if (indices[i] != indices[distinct - 1]) indices[distinct++] = indices[i];
        var values = new float[distinct];
        Array.Fill(values, (float)(1.0 / Math.Sqrt(distinct)));
        return new SparseVector(indices.GetRange(0, distinct).ToArray(), values);
    }
}
