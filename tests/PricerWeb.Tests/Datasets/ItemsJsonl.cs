using System.IO.Compression;
using System.Text.Json;
using Pricer.Core.Items;
using Pricer.Testing;

namespace PricerWeb.Tests.Datasets;

/// <summary>Reads items in the course's JSONL format (plain or .gz), as tests need them; the importer has its own reader.</summary>
internal static class ItemsJsonl
{
    public static string Fixture => Path.Combine(SharedData.Fixtures, "browser", "items.jsonl");

    public static IReadOnlyList<Item> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = new StreamReader(stream);
        var items = new List<Item>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var row = JsonSerializer.Deserialize<JsonElement>(line);
            Assert.True(SplitNames.TryParse(row.GetProperty("split").GetString(), out var split), $"{path}: bad split in {line[..Math.Min(80, line.Length)]}");
            items.Add(new Item(
                row.GetProperty("id").GetString()!,
                split,
                row.GetProperty("title").GetString()!,
                row.GetProperty("category").GetString()!,
                row.GetProperty("price").GetDouble(),
                row.GetProperty("text").GetString()!,
                row.GetProperty("details").GetString()!,
                row.TryGetProperty("weight", out var weight) && weight.ValueKind == JsonValueKind.Number ? weight.GetDouble() : null,
                row.GetProperty("source").GetString()!));
        }
        return items;
    }

    public static IReadOnlyList<Item> ReadSharedItems() =>
        SplitNames.All.SelectMany(s => Read(Path.Combine(SharedData.ItemsFolder, $"{s.ToName()}.jsonl.gz"))).ToList();
}
