using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parquet.Serialization;
using Pricer.Testing;

namespace PricerWeb.Tests.HuggingFace;

/// <summary>A row in the schema of the Hub's ed-donner/items_lite and items_full parquet files.</summary>
public sealed class HubItemRow
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("price")] public double Price { get; set; }
    [JsonPropertyName("summary")] public string? Summary { get; set; }
    [JsonPropertyName("weight")] public double? Weight { get; set; }
    [JsonPropertyName("prompt")] public string? Prompt { get; set; }
    [JsonPropertyName("completion")] public string? Completion { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("full")] public string? Full { get; set; }

    public static HubItemRow Of(string id, string title, string category, double price, string summary, double? weight = null) => new()
    {
        Id = id, Title = title, Category = category, Price = price, Summary = summary, Weight = weight, Full = $"{title}\n{summary}",
        Prompt = $"What does this cost to the nearest dollar?\n\n{summary}\n\nPrice is $",
        Completion = $"{Math.Round(price):0}.00",
    };

    public static async Task<byte[]> ToParquetAsync(IEnumerable<HubItemRow> rows)
    {
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, stream);
        return stream.ToArray();
    }

    /// <summary>A few products written in the test, so the Hub tests mean something on a fresh clone.</summary>
    public static Dictionary<string, HubItemRow[]> SmallSplits() => new()
    {
        ["train"] =
        [
            Of("B000TEST01", "Brake pad set, ceramic, front", "Automotive", 54.99, "Ceramic front brake pads for quiet stops.", 3.2),
            Of("B000TEST02", "USB-C charging cable, 2 m", "Electronics", 9.49, "Braided USB-C cable, 60 W charging."),
            Of("B000TEST03", "Stapler, desktop, 25 sheets", "Office_Products", 14.25, "Full-strip desktop stapler with 1000 staples.", 0.8),
            Of("B000TEST04", "Cordless drill 20 V", "Tools_and_Home_Improvement", 129.0, "Cordless drill driver with two batteries.", 4.1),
        ],
        ["validation"] = [Of("B000TEST05", "Guitar strings, light gauge", "Musical_Instruments", 6.99, "Phosphor bronze acoustic strings.")],
        ["test"] =
        [
            Of("B000TEST06", "Refrigerator water filter", "Appliances", 39.95, "Replacement water filter cartridge.", 0.6),
            Of("B000TEST07", "Board game, family strategy", "Toys_and_Games", 34.5, "Strategy board game for 2-5 players."),
        ],
    };

    /// <summary>The course's real items from ../shared/data/items, by split, in the Hub's schema.</summary>
    public static Dictionary<string, List<HubItemRow>> SharedSplits() =>
        new[] { "train", "validation", "test" }.ToDictionary(split => split, split => ReadJsonl(Path.Combine(SharedData.ItemsFolder, $"{split}.jsonl.gz")).ToList());

    private static IEnumerable<HubItemRow> ReadJsonl(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            var item = JsonDocument.Parse(line).RootElement;
            yield return Of(item.GetProperty("id").ToString(), item.GetProperty("title").GetString()!, item.GetProperty("category").GetString()!,
                item.GetProperty("price").GetDouble(), item.GetProperty("text").GetString()!);
        }
    }
}
