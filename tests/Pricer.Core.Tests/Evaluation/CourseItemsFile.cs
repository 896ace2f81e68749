using System.IO.Compression;
using System.Text.Json;
using Pricer.Core.Items;

namespace Pricer.Core.Tests.Evaluation;

/// <summary>Reads one split of ../shared/data/items (gzipped JSON lines) in file order, for tests only.</summary>
internal static class CourseItemsFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static List<Item> Read(Split split)
    {
        var path = Path.Combine(Pricer.Testing.SharedData.ItemsFolder, $"{split.ToName()}.jsonl.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var items = new List<Item>();
        while (reader.ReadLine() is { } line)
        {
            var row = JsonSerializer.Deserialize<Row>(line, Json)!;
            items.Add(new Item(row.Id, split, row.Title, row.Category, row.Price, row.Text, row.Details, null, row.Source));
        }
        return items;
    }

    private sealed record Row(string Id, string Title, string Category, double Price, string Text, string Details, string Source);
}
