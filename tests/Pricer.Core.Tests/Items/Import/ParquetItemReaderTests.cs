using Parquet;
using Parquet.Schema;
using Pricer.Core.Items;
using Pricer.Core.Items.Import;
using Pricer.Testing;
using static Pricer.Core.Tests.Items.Import.HfParquet;

namespace Pricer.Core.Tests.Items.Import;

public class ParquetItemReaderTests
{
    [Fact]
    public async Task Reads_the_Hugging_Face_layout_across_row_groups_with_splits_from_the_file_names()
    {
        using var folder = new TempFolder();
        await WriteAsync(folder.File("data/train-00000-of-00001.parquet"), [
            [new("Desk Lamp", "Office_Products", 24.5, "A desk lamp with an adjustable arm.", 2.2), new("Car Wax", "Automotive", 12.0, "Carnauba paste wax.", null)],
            [new("Router", "Electronics", 79.99, "A dual-band Wi-Fi router.", 1.0)]]);
        await WriteAsync(folder.File("data/test-00000-of-00001.parquet"), [[new("Keyboard", "Electronics", 45.0, "A mechanical keyboard.", 2.0)]]);

        var (items, bad) = await Rows.ReadAsync(folder.Path);

        Assert.Empty(bad);
        Assert.Equal(["test-0", "train-0", "train-1", "train-2"], items.Select(i => i.Id));
        var router = items[3];
        Assert.Equal(Split.Train, router.Split);
        Assert.Equal("Router", router.Title);
        Assert.Equal("A dual-band Wi-Fi router.", router.Text);
        Assert.Equal(79.99, router.Price);
        Assert.Equal(1.0, router.Weight);
        Assert.Equal("", router.Details);
        Assert.Equal($"{folder.Path}/data/train-00000-of-00001.parquet", router.Source);
        Assert.Null(items[2].Weight);
    }

    [Fact]
    public async Task Reports_bad_rows_by_their_row_number_counted_across_row_groups()
    {
        using var folder = new TempFolder();
        var path = folder.File("validation-00000-of-00001.parquet");
        await WriteAsync(path, [
            [new("Good", "Software", 10, "fine", null), new("No price", "Software", null, "text", null)],
            [new("NaN price", "Software", double.NaN, "text", null), new("No summary", "Software", 3, null, null), new("Dear", "Software", 2_000_000, "text", null)]]);

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Equal(["validation-0"], items.Select(i => i.Id));
        Assert.All(bad, b => Assert.Equal(path, b.File));
        Rows.AssertBadRows(bad, (2, "price is missing"), (3, "price is not a finite number"), (4, "text is empty"), (5, "is over 1,000,000"));
    }

    [Fact]
    public async Task Uses_an_id_column_of_integers_and_a_split_column_when_present()
    {
        using var folder = new TempFolder();
        var path = folder.File("items.parquet");
        var id = new DataField<long>("id");
        var split = new DataField<string>("split");
        var price = new DataField<float>("price");
        var summary = new DataField<string>("summary");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, split, price, summary), file))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync<long>(id, new long[] { 9_007_199_254_740_993, 7 }.AsMemory());
            await group.WriteAsync(split, new[] { "train", "dev" });
            await group.WriteAsync<float>(price, new[] { 1.5f, 2.25f }.AsMemory());
            await group.WriteAsync(summary, new[] { "one", "two" });
        }

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Empty(bad);
        Assert.Equal(["9007199254740993", "7"], items.Select(i => i.Id));
        Assert.Equal([Split.Train, Split.Validation], items.Select(i => i.Split));
        Assert.Equal([1.5, 2.25], items.Select(i => i.Price));
    }

    [Fact]
    public async Task Names_missing_required_columns()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.parquet");
        var title = new DataField<string>("title");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(title), file))
        using (var group = writer.CreateRowGroup())
            await group.WriteAsync(title, new[] { "only a title" });

        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(path));

        Assert.Contains("train.parquet: the parquet file lacks the required column(s) price and summary (or text); it has: title.", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.parquet");
        await File.WriteAllTextAsync(path, "id,price,text\n1,2,three\n");

        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(path));

        Assert.Contains("train.parquet: cannot be read", error.Message);
    }
}
