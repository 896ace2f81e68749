using Parquet;
using Parquet.Schema;

namespace Pricer.Core.Tests.Items.Import;

/// <summary>Writes parquet files in the column layout of ed-donner/items_lite (no id column), one row group per batch.</summary>
internal static class HfParquet
{
    public sealed record Row(string? Title, string? Category, double? Price, string? Summary, double? Weight);

    public static async Task WriteAsync(string path, IReadOnlyList<Row[]> rowGroups)
    {
        var title = new DataField<string>("title");
        var category = new DataField<string>("category");
        var price = new DataField<double?>("price");
        var summary = new DataField<string>("summary");
        var weight = new DataField<double?>("weight");
        var prompt = new DataField<string>("prompt");
        var completion = new DataField<string>("completion");
        var full = new DataField<string>("full");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(title, category, price, summary, weight, prompt, completion, full), file);
        foreach (var rows in rowGroups)
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(title, rows.Select(r => r.Title).ToList()!);
            await group.WriteAsync(category, rows.Select(r => r.Category).ToList()!);
            await group.WriteAsync<double>(price, rows.Select(r => r.Price).ToArray().AsMemory());
            await group.WriteAsync(summary, rows.Select(r => r.Summary).ToList()!);
            await group.WriteAsync<double>(weight, rows.Select(r => r.Weight).ToArray().AsMemory());
            await group.WriteAsync(prompt, rows.Select(r => $"How much does this cost?\n\n{r.Summary}").ToList());
            await group.WriteAsync(completion, rows.Select(r => $"Price is ${r.Price:0}").ToList());
            await group.WriteAsync(full, rows.Select(r => $"{r.Title}\n{r.Summary}").ToList());
        }
    }
}
