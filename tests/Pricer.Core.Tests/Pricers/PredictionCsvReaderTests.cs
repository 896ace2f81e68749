using System.Text;
using Pricer.Core.Pricers.Csv;
using Pricer.Testing;

namespace Pricer.Core.Tests.Pricers;

public class PredictionCsvReaderTests
{
    private static PredictionFile Read(string csv) =>
        PredictionCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "guesses.csv");

    private static PredictionFileException Refused(string csv) =>
        Assert.Throws<PredictionFileException>(() => Read(csv));

    [Fact]
    public void Reads_item_ids_with_their_guesses_and_lines()
    {
        var file = Read("item_id,guess\nabc,12.5\ndef,\"1,299.99\"\n");

        Assert.Equal(PredictionKeyKind.ItemId, file.KeyKind);
        Assert.Equal([new PredictionRow(2, "abc", 12.5), new PredictionRow(3, "def", 1299.99)], file.Rows);
    }

    [Fact]
    public void Reads_positions_in_any_column_order()
    {
        var file = Read("guess,index\n3,0\n4.5,7\n");

        Assert.Equal(PredictionKeyKind.Index, file.KeyKind);
        Assert.Equal(["0", "7"], file.Rows.Select(r => r.Key));
        Assert.Equal([3, 4.5], file.Rows.Select(r => r.Guess));
    }

    [Fact]
    public void Reads_the_course_sheet_without_a_header_keeping_multi_line_text()
    {
        var file = Read("\"How much does this cost?\n\nA lamp\n\nPrice is $\",40\n\"A chair, red\",\"$55\"\n");

        Assert.Equal(PredictionKeyKind.Text, file.KeyKind);
        Assert.Equal("How much does this cost?\n\nA lamp\n\nPrice is $", file.Rows[0].Key);
        Assert.Equal(55, file.Rows[1].Guess);
    }

    [Theory]
    [InlineData("item_id,guess\na,-3\n", "line 2: guess -3 is negative")]
    [InlineData("item_id,guess\na,cheap\n", "line 2: guess 'cheap' is not a number")]
    [InlineData("item_id,guess\na,NaN\n", "line 2: guess is not a finite number")]
    [InlineData("item_id,guess\na,2000000\n", "line 2: guess 2000000 is over 1,000,000")]
    [InlineData("item_id,guess\na,1\na,2\n", "line 3: duplicate row for item a")]
    [InlineData("index,guess\n-1,5\n", "line 2: index '-1' is not a non-negative whole number")]
    [InlineData("item_id,guess\n,5\n", "line 2: the item column is empty")]
    [InlineData("item_id,guess\nonly-one-column\n", "line 2: expected at least 2 columns, found 1")]
    public void Refuses_bad_rows_saying_where(string csv, string problem)
    {
        Assert.Contains(problem, Refused(csv).Problems);
    }

    [Fact]
    public void Refuses_files_without_usable_columns()
    {
        Assert.Contains("unrecognised columns", Refused("name,value\nx,y\n").Problems.Single());
        Assert.Contains("empty", Refused("").Problems.Single());
        Assert.Contains("no prediction rows", Refused("item_id,guess\n").Problems.Single());
    }

    [Fact]
    public void Refuses_a_huge_file_before_reading_it_all()
    {
        var huge = new MemoryStream(new byte[PredictionCsvReader.MaxBytes + 1]);
        Assert.Contains("limit", Assert.Throws<PredictionFileException>(() => PredictionCsvReader.Read(huge, "huge.csv")).Message);
    }

    [Fact]
    public void Keeps_hostile_text_as_plain_data()
    {
        var file = Read("item_id,guess\n\"<script>alert(1)</script>'; DROP TABLE Items;--\",9\n");
        Assert.Equal("<script>alert(1)</script>'; DROP TABLE Items;--", file.Rows.Single().Key);
    }

    [SkippableFact]
    public void Reads_the_course_human_sheet_filled_with_numbers()
    {
        SharedData.Require();
        var filled = new StringBuilder();
        var sheet = File.ReadAllText(SharedData.HumanInputCsv);
        // The sheet's guesses are the placeholder 0 at the end of each record: fill them with 1..250.
        var n = 0;
        filled.Append(System.Text.RegularExpressions.Regex.Replace(sheet, @",0(\r?\n|$)", m => $",{++n}{m.Groups[1].Value}"));

        var file = Read(filled.ToString());

        Assert.Equal(PredictionKeyKind.Text, file.KeyKind);
        Assert.Equal(250, file.Rows.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (double)i), file.Rows.Select(r => r.Guess));
        Assert.StartsWith("How much does this cost to the nearest dollar?", file.Rows[0].Key);
    }
}
