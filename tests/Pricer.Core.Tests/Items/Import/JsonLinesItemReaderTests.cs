using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pricer.Core.Items;
using Pricer.Testing;

namespace Pricer.Core.Tests.Items.Import;

public class JsonLinesItemReaderTests
{
    [Fact]
    public async Task Reads_every_field_of_our_schema_from_plain_and_gzipped_files()
    {
        var (train, trainBad) = await Rows.ReadAsync(Rows.Fixture("sample", "train.jsonl"));
        var (validation, validationBad) = await Rows.ReadAsync(Rows.Fixture("sample", "val.jsonl.gz"));

        Assert.Empty(trainBad);
        Assert.Empty(validationBad);
        Assert.Equal(["tr-001", "tr-002", "tr-003", "tr-004", "tr-005"], train.Select(i => i.Id));
        Assert.Equal(["va-001", "va-002"], validation.Select(i => i.Id));
        var first = train[0];
        Assert.Equal(Split.Train, first.Split);
        Assert.Equal("Stainless Steel Hose Clamp Assortment, 60 Pieces", first.Title);
        Assert.Equal("Automotive", first.Category);
        Assert.Equal(14.99, first.Price);
        Assert.StartsWith("Stainless Steel Hose Clamp Assortment, 60 Pieces\nAdjustable worm gear", first.Text);
        Assert.Equal("{\"Brand\": \"ClampCo\", \"Item Weight\": \"1.1 pounds\"}", first.Details);
        Assert.Null(first.Weight);
        Assert.Equal("fixture", first.Source);
        Assert.Equal("", train[2].Details);
        Assert.Equal(Split.Validation, validation[1].Split);
        Assert.Equal(129.0, validation[1].Price);
    }

    [Fact]
    public async Task Reports_each_kind_of_bad_line_with_its_file_and_line_number()
    {
        var path = Rows.Fixture("bad", "bad-rows.jsonl");

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.All(bad, b => Assert.Equal(path, b.File));
        Rows.AssertBadRows(bad,
            (2, "broken JSON"),
            (3, "text is empty"),
            (4, "price is missing"),
            (5, "price is not a finite number"),
            (6, "price 0 is not positive"),
            (7, "price -3 is not positive"),
            (8, "price 1000001 is over 1,000,000"),
            (9, "price is not a number: \"abc\""),
            (10, "duplicate id \"b01\""),
            (11, "split \"holdout\" is not train, validation or test"),
            (12, "no split"),
            (13, "not a JSON object"),
            (14, "details is not valid JSON"),
            (15, "title must be a string, not a number"),
            (18, "price is not a finite number"),
            (19, "broken JSON"),
            (20, "details is not a JSON object"));
        Assert.Equal(["b01", "12345"], items.Select(i => i.Id));
        var objectDetails = items[1];
        Assert.Equal(Split.Test, objectDetails.Split);
        Assert.Equal(19.99, objectDetails.Price);
        Assert.Equal(1.5, objectDetails.Weight);
        Assert.Equal("Acme", JsonDocument.Parse(objectDetails.Details).RootElement.GetProperty("Brand").GetString());
    }

    [Fact]
    public async Task Keeps_hostile_markup_strips_NUL_and_reports_oversized_text_and_invalid_UTF8()
    {
        using var folder = new TempFolder();
        var path = folder.File("hostile.train.jsonl");
        var script = "<script>alert('x')</script><img src=x onerror=alert(1)> Robert'); DROP TABLE Items;--";
        await using (var file = File.Create(path))
        {
            void Line(string json) => file.Write(Encoding.UTF8.GetBytes(json + "\n"));
            Line(JsonSerializer.Serialize(new { id = "script", title = script, price = 5.0, text = script, category = "<b>x</b>" }));
            Line(JsonSerializer.Serialize(new { id = "nul", title = "Nul\0Title", price = 5.0, text = "before\0after" }));
            Line(JsonSerializer.Serialize(new { id = "huge", price = 5.0, text = new string('x', 70 * 1024) }));
            file.Write([.. "{\"id\": \"utf8\", \"price\": 5.0, \"text\": \"bad "u8, 0xFF, 0xFE, .. " bytes\"}\n"u8]);
            Line(JsonSerializer.Serialize(new { id = "after", price = 5.0, text = "still read" }));
        }

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Equal(["script", "nul", "after"], items.Select(i => i.Id));
        Assert.Equal(script, items[0].Title);
        Assert.Equal(script, items[0].Text);
        Assert.Equal("NulTitle", items[1].Title);
        Assert.Equal("beforeafter", items[1].Text);
        Rows.AssertBadRows(bad, (3, "text is 71,680 bytes, over the 65,536-byte limit"), (4, "broken JSON: a string is not valid UTF-8"));
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_without_being_buffered_and_reading_goes_on()
    {
        using var folder = new TempFolder();
        var path = folder.File("long.train.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write("{\"id\": \"ok-1\", \"price\": 1, \"text\": \"short\"}\n"u8);
            gzip.Write(Encoding.UTF8.GetBytes($"{{\"id\": \"long\", \"price\": 1, \"text\": \"{new string('y', 5 * 1024 * 1024)}\"}}\n"));
            gzip.Write("{\"id\": \"ok-2\", \"price\": 1, \"text\": \"short\"}"u8);
        }

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Equal(["ok-1", "ok-2"], items.Select(i => i.Id));
        Rows.AssertBadRows(bad, (2, "line is over 4 MB"));
    }

    [Fact]
    public async Task A_corrupt_gzip_file_stops_the_read_with_the_file_named()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.jsonl.gz");
        await File.WriteAllTextAsync(path, "this is not gzip at all");

        var error = await Assert.ThrowsAsync<Pricer.Core.Items.Import.ItemSourceException>(() => Rows.ReadAsync(path));

        Assert.Contains("train.jsonl.gz: cannot be read", error.Message);
    }
}
