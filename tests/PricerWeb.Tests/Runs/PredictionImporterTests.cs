using System.Text;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Csv;
using Pricer.Data.Runs;
using Pricer.Testing;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Runs;

public class PredictionImporterTests
{
    private static readonly string Sample = Path.Combine(SharedData.Fixtures, "items", "sample");

    private static async Task<PricerRun> ImportAsync(ImportDatabase database, string csv, Split split = Split.Test, string dataset = "sample") =>
        await database.Get<PredictionImporter>().ImportAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(csv)), "guesses.csv", new PredictionImportRequest(dataset, "colleague", "ana", split), CancellationToken.None);

    [Fact]
    public async Task Stores_guesses_by_item_id_and_scores_them_from_the_stored_rows()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("sample", Sample);

        var run = await ImportAsync(database, "item_id,guess\nte-001,34.99\nte-002,59\nte-003,0\n");
        var result = await database.Get<RunEvaluator>().EvaluateAsync(run.Id, ReportDefinition.Test, CancellationToken.None);

        Assert.Equal(RunKind.Imported, run.Kind);
        Assert.Equal("ana", run.StartedBy);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(3, result.Metrics.Count);
        // |34.99-24.99| = 10, |59-59| = 0, |0-15.75| = 15.75
        Assert.Equal((10 + 0 + 15.75) / 3, result.Metrics.Error, 9);
        Assert.Equal(100, result.Metrics.HitsPercent, 9);
    }

    [Fact]
    public async Task Matches_positions_in_the_chosen_split()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("sample", Sample);

        var run = await ImportAsync(database, "index,guess\n0,25\n2,15.75\n");
        var result = await database.Get<RunEvaluator>().EvaluateAsync(run.Id, ReportDefinition.Test, CancellationToken.None);

        Assert.Equal(["te-001", "te-003"], result.Items.Select(i => i.ItemId));
        Assert.Equal(["te-002"], result.MissingItemIds);
        Assert.False(result.IsComplete);
    }

    [Theory]
    [InlineData("item_id,guess\nte-001,10\nnope,12\n", "line 3: no item in 'sample' (test) matches 'nope'")]
    [InlineData("index,guess\n0,10\n99,12\n", "line 3: no item in 'sample' (test) matches '99'")]
    [InlineData("item_id,guess\nte-001,-4\n", "line 2: guess -4 is negative")]
    [InlineData("item_id,guess\nte-001,4\nte-001,5\n", "line 3: duplicate row for item te-001")]
    public async Task Bad_files_store_nothing_and_say_which_rows(string csv, string problem)
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("sample", Sample);
        await ImportAsync(database, "item_id,guess\nte-001,20\n");

        var error = await Assert.ThrowsAsync<PredictionFileException>(() => ImportAsync(database, csv));

        Assert.Contains(problem, error.Problems);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Runs.CountAsync());
        Assert.Equal(1, await db.Predictions.CountAsync());
    }

    [Fact]
    public async Task An_unknown_data_set_is_named_in_the_message()
    {
        await using var database = await ImportDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<PredictionFileException>(() => ImportAsync(database, "item_id,guess\na,1\n", dataset: "nowhere"));

        Assert.Contains("there is no data set named 'nowhere'", error.Problems);
    }

    [SkippableFact]
    public async Task The_course_human_sheet_filled_in_matches_the_first_250_test_items()
    {
        SharedData.Require();
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("course", SharedData.ItemsFolder);
        var truths = await TestPricesAsync(database);
        var n = 0;
        // The sheet's guesses are the placeholder 0 ending each record: fill in each item's true price plus $10.
        var filled = System.Text.RegularExpressions.Regex.Replace(
            await File.ReadAllTextAsync(SharedData.HumanInputCsv), @",0(\r?\n|$)",
            m => $",{(truths[n++] + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)}{m.Groups[1].Value}");

        var run = await ImportAsync(database, filled, dataset: "course");
        var result = await database.Get<RunEvaluator>().EvaluateAsync(run.Id, ReportDefinition.Course2024, CancellationToken.None);

        Assert.Equal(250, n);
        Assert.True(result.IsComplete, result.CoverageNote);
        Assert.Equal(10, result.Metrics.Error, 6);
        Assert.Equal(100, result.Metrics.HitsPercent, 6);
    }

    private static async Task<List<double>> TestPricesAsync(ImportDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Items.Where(i => i.Split == Split.Test).OrderBy(i => i.Position).Select(i => i.Price).ToListAsync();
    }
}
