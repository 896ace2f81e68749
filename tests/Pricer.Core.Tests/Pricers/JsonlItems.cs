using System.IO.Compression;
using System.Text.Json;
using Pricer.Core.Items;

namespace Pricer.Core.Tests.Pricers;

/// <summary>Reads the course's items files (one JSON object a line, optionally gzipped) for tests.</summary>
internal static class JsonlItems
{
    public static IReadOnlyList<Item> Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var items = new List<Item>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var row = JsonSerializer.Deserialize<Row>(line, Options)
                ?? throw new InvalidDataException($"{path}: a line holds null");
            if (!SplitNames.TryParse(row.Split, out var split)) throw new InvalidDataException($"{path}: unknown split '{row.Split}'");
            items.Add(new Item(row.Id, split, row.Title, row.Category, row.Price, row.Text, row.Details ?? "", row.Weight, row.Source ?? ""));
        }
        return items;
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private sealed record Row(string Id, string Split, string Title, string Category, double Price, string Text,
        string? Details, double? Weight, string? Source);
}
