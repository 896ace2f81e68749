using Pricer.Core.Text;

namespace Pricer.Core.Tests.Text;

public class HashingVectorizerTests
{
    private readonly HashingVectorizer _vectorizer = new();

    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog.", new[] { 288, 487, 1085, 1817, 2415, 4093 })]
    [InlineData("Option pricing with Black-Scholes: call price 10.5, put price 3.2!", new[] { 765, 777, 1712, 2088, 2214, 3298 })]
    [InlineData("Apple's Q3 revenue beat estimates; shares rose 5% in after-hours trading.", new[] { 560, 879, 2081, 3621, 4237, 4282, 4396, 4520, 4964 })]
    public void Matches_scikit_learn_on_documented_examples(string text, int[] expected)
    {
        var vector = _vectorizer.Transform(text);

        Assert.Equal(expected, vector.Indices);
        Assert.All(vector.Values, v => Assert.Equal(1 / Math.Sqrt(expected.Length), v, 6));
    }

    [Fact]
    public void Text_without_tokens_gives_an_empty_row()
    {
        Assert.Equal(0, _vectorizer.Transform("a I ! 5 the and").Count);
        Assert.Equal(0, _vectorizer.Transform("").Count);
    }

    [Fact]
    public void Repeated_and_differently_cased_tokens_count_once()
    {
        var once = _vectorizer.Transform("Compressor");
        var many = _vectorizer.Transform("compressor COMPRESSOR Compressor");

        Assert.Equal(once.Indices, many.Indices);
        Assert.Equal(1f, many.Values.Single());
    }

    [Fact]
    public void Murmur_hash_matches_the_reference_vectors()
    {
        // Known MurmurHash3_x86_32 outputs (seed 0), as scikit-learn's murmurhash3_32 returns them (signed).
        Assert.Equal(0, MurmurHash3.Hash32([]));
        Assert.Equal(1009084850, MurmurHash3.Hash32("a"u8));
        Assert.Equal(-1277324294, MurmurHash3.Hash32("abc"u8));
        Assert.Equal(613153351, MurmurHash3.Hash32("hello"u8));
    }

    [Fact]
    public void Python_word_characters_not_dotnet_ones_make_tokens()
    {
        // U+0301 (combining acute) is a word character in .NET's \w but not in Python's: it splits tokens.
        var withMark = _vectorizer.Transform("cafe\u0301s xx");
        var words = _vectorizer.Transform("cafe s xx");
        Assert.Equal(words.Indices, withMark.Indices);
    }
}
