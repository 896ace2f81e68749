using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pricer.Bench.Measurement;
using Pricer.Core.Embeddings;

namespace Pricer.Bench.Benches;

/// <summary>
/// all-MiniLM-L6-v2 throughput on the first 256 real course training texts (../shared/data), in batches of
/// the default size, after one warm-up batch that loads the model.
/// </summary>
internal static class EmbedBench
{
    private const int Texts = 256;

    public static void Run(ResultTable results)
    {
        var file = Path.Combine(BenchFolders.RepoRoot, "..", "shared", "data", "items", "train.jsonl.gz");
        if (!File.Exists(file))
        {
            Console.WriteLine($"embed: skipped, the course data is not at {file}");
            return;
        }
        var texts = ReadTexts(file, Texts);
        var options = new EmbeddingOptions();
        using var embedder = new MiniLmEmbedder(Options.Create(options));
        embedder.Embed(texts[..options.BatchSize], CancellationToken.None);
        var latencies = new Latencies();
        latencies.Time(() => embedder.Embed(texts, CancellationToken.None));
        results.Add("embed", $"MiniLM, {Texts} course texts, batch {options.BatchSize}", Texts / (latencies.Percentile(50) / 1000), "items/s");
    }

    private static string[] ReadTexts(string file, int count)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
        var texts = new List<string>();
        while (texts.Count < count && reader.ReadLine() is { } line)
            texts.Add(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "");
        return texts.ToArray();
    }
}
