using System.IO.Compression;
using System.Text.Json;
using Pricer.Core.Text;
using Pricer.Testing;

namespace Pricer.Core.Tests.Text;

/// <summary>Real course texts against indices scikit-learn produced (tests/fixtures/hashing/make_expected.py).</summary>
public class HashingVectorizerParityTests
{
    [SkippableFact]
    public void Gives_scikit_learns_indices_for_real_item_texts()
    {
        SharedData.Require();
        var expected = ReadExpected();
        var vectorizer = new HashingVectorizer();
        var checkedItems = 0;

        foreach (var (id, text) in ReadTexts())
        {
            if (!expected.TryGetValue(id, out var indices)) continue;
            Assert.True(indices.SequenceEqual(vectorizer.Transform(text).Indices), $"item {id} differs from scikit-learn");
            checkedItems++;
        }

        Assert.Equal(expected.Count, checkedItems);
    }

    private static Dictionary<string, int[]> ReadExpected()
    {
        using var file = File.OpenRead(Path.Combine(SharedData.Fixtures, "hashing", "sklearn_indices.json"));
        using var json = JsonDocument.Parse(file);
        return json.RootElement.GetProperty("indices").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(i => i.GetInt32()).ToArray());
    }

    private static IEnumerable<(string Id, string Text)> ReadTexts()
    {
        foreach (var split in new[] { "train", "validation", "test" })
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(SharedData.ItemsFolder, $"{split}.jsonl.gz")), CompressionMode.Decompress));
            while (reader.ReadLine() is { } line)
            {
                using var item = JsonDocument.Parse(line);
                yield return (item.RootElement.GetProperty("id").GetString()!, item.RootElement.GetProperty("text").GetString()!);
            }
        }
    }
}
