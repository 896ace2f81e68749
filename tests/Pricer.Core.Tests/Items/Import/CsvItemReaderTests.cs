using Pricer.Core.Items;
using Pricer.Core.Items.Import;
using Pricer.Testing;

namespace Pricer.Core.Tests.Items.Import;

public class CsvItemReaderTests
{
    [Fact]
    public async Task Reads_quoted_multi_line_fields_dollar_prices_and_takes_the_split_from_the_file_name()
    {
        var (items, bad) = await Rows.ReadAsync(Rows.Fixture("sample", "test.csv"));

        Assert.Empty(bad);
        Assert.Equal(["te-001", "te-002", "te-003"], items.Select(i => i.Id));
        Assert.All(items, i => Assert.Equal(Split.Test, i.Split));
        Assert.Equal("Tape Measure, 25 ft \"Magnetic\" Tip", items[2].Title);
        Assert.Equal("Tape Measure, 25 ft \"Magnetic\" Tip\nNylon-coated blade, belt clip,\nand a 13 ft standout.", items[2].Text);
        Assert.Equal(59.0, items[1].Price);
        Assert.Null(items[1].Weight);
        Assert.Equal(2.5, items[0].Weight);
        Assert.Equal("{\"Brand\": \"Brixo\"}", items[0].Details);
        Assert.Equal("", items[1].Details);
    }

    [Fact]
    public async Task Reports_each_kind_of_bad_row_at_the_line_it_starts_on()
    {
        var path = Rows.Fixture("bad", "bad-rows.csv");

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.All(bad, b => Assert.Equal(path, b.File));
        Rows.AssertBadRows(bad,
            (3, "price is missing"),
            (4, "price is not a number: \"abc\""),
            (5, "the row does not have the header's 8 fields"),
            (8, "malformed CSV: a quote inside an unquoted field"),
            (9, "text is empty"),
            (10, "weight is not a number: \"heavy\""),
            (12, "price is not a finite number"));
        Assert.Equal(["c01", "c05", "c09"], items.Select(i => i.Id));
        Assert.Equal("First line\nsecond line", items[1].Text);
        Assert.Equal(12.5, items[2].Price);
        Assert.Equal(Split.Test, items[2].Split);
    }

    [Fact]
    public async Task Names_the_missing_required_columns_and_the_ones_found()
    {
        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(Rows.Fixture("bad", "missing-columns.csv")));

        Assert.Contains("missing-columns.csv: the header lacks the required column(s) price and text (or summary); it has: id, title, cost.", error.Message);
    }

    [Fact]
    public async Task Accepts_summary_as_the_text_column_and_derives_ids_when_there_are_none()
    {
        using var folder = new TempFolder();
        var path = folder.File("validation.csv");
        await File.WriteAllTextAsync(path, "Title,Summary,Price\nLamp,A desk lamp,20\nChair,An office chair,80\n");

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Empty(bad);
        Assert.Equal(["validation-0", "validation-1"], items.Select(i => i.Id));
        Assert.Equal("An office chair", items[1].Text);
        Assert.Equal(folder.File("validation.csv"), items[1].Source);
    }

    [Fact]
    public async Task An_unclosed_quote_that_swallows_the_file_stops_the_read_with_the_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.csv");
        await using (var writer = File.CreateText(path))
        {
            await writer.WriteLineAsync("id,price,text");
            await writer.WriteLineAsync("a,5,\"opened and never closed");
            for (var i = 0; i < 120_000; i++) await writer.WriteLineAsync($"b{i},5,filler text that the open quote swallows");
        }

        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(path));

        Assert.Contains("train.csv:2: the CSV cannot be read past this line", error.Message);
    }

    [Fact]
    public async Task Invalid_UTF8_bytes_become_replacement_characters_and_NUL_is_dropped()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.csv");
        await File.WriteAllBytesAsync(path, [.. "price,text\n5,bad "u8, 0xFF, 0xFE, .. " bytes\n6,nul\0char\n"u8]);

        var (items, bad) = await Rows.ReadAsync(path);

        Assert.Empty(bad);
        Assert.Equal(["bad \uFFFD\uFFFD bytes", "nulchar"], items.Select(i => i.Text));
    }

    [Fact]
    public async Task An_empty_file_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("train.csv");
        await File.WriteAllTextAsync(path, "");

        var error = await Assert.ThrowsAsync<ItemSourceException>(() => Rows.ReadAsync(path));

        Assert.Contains("the file is empty", error.Message);
    }
}
