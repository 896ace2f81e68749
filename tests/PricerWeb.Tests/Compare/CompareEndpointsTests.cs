using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Evaluation;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Compare;

public class CompareEndpointsTests
{
    [Fact]
    public async Task A_run_s_predictions_download_as_item_id_guess_and_import_back_to_the_same_metrics()
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();
        var runs = await TinyRuns.SeedAsync(new RunSeeder(factory.Services));

        using var response = await client.GetAsync($"/api/runs/{runs.Alpha.Id}/predictions.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"run-{runs.Alpha.Id}-predictions.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal("item_id,guess\r\nv0,1\r\nt0,110\r\nt1,150\r\nt2,50\r\nt3,300\r\n", csv);

        var importer = factory.Services.GetRequiredService<PredictionImporter>();
        var copy = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "alpha.csv",
            new PredictionImportRequest(TinyRuns.Dataset, "alpha again", "tester"), CancellationToken.None);
        var board = await factory.Services.GetRequiredService<RunComparison>().LeaderboardAsync(TinyRuns.Dataset, ReportDefinition.Test, CancellationToken.None);
        Assert.Equal(board.Rows.Single(r => r.Run.Id == runs.Alpha.Id).Metrics, board.Rows.Single(r => r.Run.Id == copy.Id).Metrics);
    }

    [Theory]
    [InlineData("/api/runs/999/predictions.csv", "There is no run 999.")]
    [InlineData("/api/runs/abc/predictions.csv", null)]
    [InlineData("/api/runs/-1/predictions.csv", "There is no run -1.")]
    public async Task Unknown_runs_are_not_found(string path, string? detail)
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (detail is not null) Assert.Equal(detail, await DetailAsync(response));
    }

    [Fact]
    public async Task The_item_by_item_csv_has_each_run_s_guess_and_error_and_the_closest_run()
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();
        var runs = await TinyRuns.SeedAsync(new RunSeeder(factory.Services));
        var (a, b) = (runs.Alpha.Id, runs.Beta.Id);

        using var response = await client.GetAsync($"/api/compare.csv?dataset=tiny&report=test&runs={a},{b}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"compare-tiny-test-{a}-{b}.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(
            $"position,item_id,title,category,truth,guess alpha (#{a}),error alpha (#{a}),guess Beta GPT (#{b}),error Beta GPT (#{b}),closest\r\n" +
            $"0,t0,\"Brake pads, front\",Automotive,100,110,10,100,0,Beta GPT (#{b})\r\n" +
            $"1,t1,Roof rack,Automotive,200,150,50,260,60,alpha (#{a})\r\n" +
            $"2,t2,USB cable,Electronics,50,50,0,,,alpha (#{a})\r\n" +
            $"3,t3,Mystery box,,400,300,100,400,0,Beta GPT (#{b})\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_names_and_titles_are_escaped_and_made_inert_for_spreadsheets()
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();
        var seed = new RunSeeder(factory.Services);
        const string dataset = "a/b \"c\"";
        await seed.DatasetAsync(dataset, TestItem.Test("=1+2", 12, "Elec,tronics", "Cable, \"braided\"\n2m"));
        var run = await seed.RunAsync(dataset, "=HYPERLINK(\"http://evil\")", new Dictionary<string, double> { ["=1+2"] = 10 });

        using var response = await client.GetAsync($"/api/compare.csv?dataset={Uri.EscapeDataString(dataset)}&report=test&runs={run.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"compare-a_b__c_-test-{run.Id}.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(
            $"position,item_id,title,category,truth,\"guess =HYPERLINK(\"\"http://evil\"\") (#{run.Id})\",\"error =HYPERLINK(\"\"http://evil\"\") (#{run.Id})\",closest\r\n" +
            $"0,'=1+2,\"Cable, \"\"braided\"\"\n2m\",\"Elec,tronics\",12,10,2,\"'=HYPERLINK(\"\"http://evil\"\") (#{run.Id})\"\r\n",
            await response.Content.ReadAsStringAsync());

        using var predictions = await client.GetAsync($"/api/runs/{run.Id}/predictions.csv");
        Assert.Equal("item_id,guess\r\n=1+2,10\r\n", await predictions.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?runs=1", HttpStatusCode.BadRequest, "Name the data set")]
    [InlineData("?dataset=nope&runs=1", HttpStatusCode.NotFound, "There is no data set named 'nope'.")]
    [InlineData("?dataset=tiny&report=course1999&runs=1", HttpStatusCode.BadRequest, "Unknown report 'course1999'")]
    [InlineData("?dataset=tiny&runs=1,abc", HttpStatusCode.BadRequest, "positive whole numbers")]
    [InlineData("?dataset=tiny&runs=", HttpStatusCode.BadRequest, "positive whole numbers")]
    [InlineData("?dataset=tiny&runs=1,77", HttpStatusCode.NotFound, "No run 77 on data set 'tiny'.")]
    [InlineData("?dataset=tiny&runs=4", HttpStatusCode.NotFound, "No run 4 on data set 'tiny'.")]
    [InlineData("?dataset=tiny&report=test&runs=1,3", HttpStatusCode.BadRequest, "Run 3 has no guesses for report 'test'.")]
    public async Task Bad_comparison_requests_say_what_is_wrong(string query, HttpStatusCode status, string message)
    {
        using var factory = new PricerAppFactory();
        using var client = factory.CreateClient();
        var runs = await TinyRuns.SeedAsync(new RunSeeder(factory.Services));
        Assert.Equal((1, 3, 4), (runs.Alpha.Id, runs.Gamma.Id, runs.Elsewhere.Id));

        using var response = await client.GetAsync("/api/compare.csv" + query);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await DetailAsync(response));
    }

    /// <summary>The problem's detail: the JSON encoder writes some characters (quotes) as escapes.</summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString();
    }
}
