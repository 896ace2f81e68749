using System.Web;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data;
using Pricer.Data.Accounts;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Compare;

public class ComparePageTests
{
    [Fact]
    public async Task The_leaderboard_lists_runs_best_first_flags_the_partial_one_and_shows_dashes_where_there_are_no_metrics()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);

        var page = ui.RenderPage("compare?dataset=tiny&report=test");

        page.WaitForAssertion(() => Assert.Equal([runs.Beta.Id, runs.Alpha.Id, runs.Gamma.Id], RowIds(page)));
        Assert.Equal("3 / 4", Row(page, runs.Beta.Id).QuerySelector("[data-testid=partial]")!.TextContent.Trim());
        Assert.Null(Row(page, runs.Alpha.Id).QuerySelector("[data-testid=partial]"));
        Assert.Equal("$40.00", Row(page, runs.Alpha.Id).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal("—", Row(page, runs.Gamma.Id).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Contains("$0.250", Row(page, runs.Beta.Id).TextContent);
        Assert.Contains("1 min 30 s", Row(page, runs.Beta.Id).TextContent);
        Assert.Empty(page.FindAll("[data-testid=comparison]"));
    }

    [Fact]
    public async Task Clicking_a_heading_sorts_by_it_through_the_address()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);
        var page = ui.RenderPage("compare?dataset=tiny&report=test");
        page.WaitForAssertion(() => Assert.Equal(3, RowIds(page).Length));

        page.Find("[data-testid=sort-hits]").Click();
        page.WaitForAssertion(() => Assert.Equal([runs.Beta.Id, runs.Alpha.Id, runs.Gamma.Id], RowIds(page)));
        Assert.Equal("hits", Query(ui)["sort"]);
        Assert.Null(Query(ui)["desc"]);

        page.Find("[data-testid=sort-hits]").Click();
        page.WaitForAssertion(() => Assert.Equal("false", Query(ui)["desc"]));
        page.WaitForAssertion(() => Assert.Equal([runs.Alpha.Id, runs.Beta.Id, runs.Gamma.Id], RowIds(page)));
    }

    [Fact]
    public async Task Filters_in_the_address_keep_only_matching_runs()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);

        var page = ui.RenderPage("compare?dataset=tiny&report=test&kind=llm");
        page.WaitForAssertion(() => Assert.Equal([runs.Beta.Id], RowIds(page)));
        Assert.Contains("3 run(s) on tiny, 1 shown", page.Find("[data-testid=leaderboard-caption]").TextContent);

        ui.NavigateTo("compare?dataset=tiny&report=test&q=CY");
        page.WaitForAssertion(() => Assert.Equal([runs.Gamma.Id], RowIds(page)));

        ui.NavigateTo("compare?dataset=tiny&q=nothing-like-this");
        page.WaitForAssertion(() => Assert.Equal("No run matches the filter.", page.Find("[data-testid=no-runs]").TextContent));
    }

    [Fact]
    public async Task Ticking_runs_puts_them_in_the_address_and_shows_them_side_by_side_item_by_item()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);
        var page = ui.RenderPage("compare?dataset=tiny&report=test");
        page.WaitForAssertion(() => Assert.Equal(3, RowIds(page).Length));

        Tick(page, runs.Alpha.Id, true);
        page.WaitForAssertion(() => Assert.Equal($"{runs.Alpha.Id}", Query(ui)["runs"]));
        Assert.Equal("tiny", Query(ui)["dataset"]);
        Tick(page, runs.Beta.Id, true);
        page.WaitForAssertion(() => Assert.Equal($"{runs.Alpha.Id},{runs.Beta.Id}", Query(ui)["runs"]));

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=item-table] tbody tr").Count));
        var summary = page.Find("[data-testid=closest-summary]").TextContent;
        Assert.Contains("alpha closest on 2 (50%)", Squeeze(summary));
        Assert.Contains("Beta GPT closest on 2 (50%)", Squeeze(summary));
        Assert.Equal(["Beta GPT", "alpha", "alpha", "Beta GPT"], page.FindAll("[data-testid=closest]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Beta GPT (#2): 1 of the 4 items have no guess", page.Find("[data-testid=partial-run]").TextContent);
        Assert.Equal($"api/compare.csv?dataset=tiny&report=test&runs={runs.Alpha.Id}%2C{runs.Beta.Id}",
            page.Find("[data-testid=download-csv]").GetAttribute("href"));

        Tick(page, runs.Alpha.Id, false);
        page.WaitForAssertion(() => Assert.Equal($"{runs.Beta.Id}", Query(ui)["runs"]));
    }

    [Fact]
    public async Task A_link_opens_the_same_comparison_and_says_which_runs_it_could_not_find()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);

        var page = ui.RenderPage($"compare?dataset=tiny&report=test&runs={runs.Beta.Id},999,{runs.Gamma.Id}");

        page.WaitForAssertion(() => Assert.Contains("No run 999 on data set “tiny”", page.Find("[data-testid=unknown-runs]").TextContent));
        Assert.Contains("Comparing 1 run(s)", page.Find("[data-testid=comparison]").TextContent);
        Assert.Contains("gamma (#3) has no guesses for the items of Test split.", page.Find("[data-testid=comparison]").TextContent);
        Assert.True(Input(page, $"select-run-{runs.Beta.Id}").HasAttribute("checked"));
    }

    [Fact]
    public async Task An_unknown_data_set_is_named_and_an_empty_database_points_to_the_import()
    {
        await using var empty = new CompareUiContext();
        var nothing = empty.RenderPage("compare");
        nothing.WaitForAssertion(() => nothing.Find("[data-testid=no-datasets]"));

        await using var ui = new CompareUiContext();
        await TinyRuns.SeedAsync(ui.Seed);
        var unknown = ui.RenderPage("compare?dataset=gone");
        unknown.WaitForAssertion(() => Assert.Contains("There is no data set named “gone”", unknown.Find("[data-testid=dataset-not-found]").TextContent));
    }

    [Fact]
    public async Task Copy_link_copies_the_address_and_shows_it_and_says_so_when_the_browser_refuses_the_clipboard()
    {
        await using var ui = new CompareUiContext();
        await TinyRuns.SeedAsync(ui.Seed);
        var copy = ui.JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true);
        var page = ui.RenderPage("compare?dataset=tiny&runs=1,2");
        page.WaitForAssertion(() => page.Find("[data-testid=comparison]"));

        page.Find("[data-testid=copy-link]").Click();
        copy.SetVoidResult();

        page.WaitForAssertion(() => Assert.Equal(ui.Uri, Input(page, "share-link").GetAttribute("value")));
        Assert.Equal(ui.Uri, Assert.Single(copy.Invocations).Arguments[0]);
        Assert.Contains("Copied to the clipboard", page.Markup);

        await using var refusing = new CompareUiContext();
        await TinyRuns.SeedAsync(refusing.Seed);
        refusing.JSInterop.SetupVoid("navigator.clipboard.writeText", _ => true).SetException(new JSException("Write permission denied."));
        var other = refusing.RenderPage("compare?dataset=tiny");
        other.WaitForAssertion(() => other.Find("[data-testid=copy-link]"));
        other.Find("[data-testid=copy-link]").Click();
        other.WaitForAssertion(() => Assert.Contains("Copy this link by hand", other.Markup));
        Assert.Equal(refusing.Uri, Input(other, "share-link").GetAttribute("value"));
    }

    [Fact]
    public async Task A_predictions_file_with_problems_lists_them_and_stores_nothing()
    {
        await using var ui = new CompareUiContext();
        await TinyRuns.SeedAsync(ui.Seed);
        var page = ui.RenderPage("compare?dataset=tiny&report=test");
        var before = await RunCountAsync(ui);

        OpenImportDialog(page);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("item_id,guess\nt0,12\nzz,5\nt1,-3\n", "guesses.csv"));
        Type(page, "started-by", "dee");
        page.Find("[data-testid=import-predictions-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=import-problems]"));
        var problems = page.Find("[data-testid=import-problems]").TextContent;
        Assert.Contains("Nothing was stored.", problems);
        Assert.Contains("line 4: guess -3 is negative", problems);
        Assert.Equal(before, await RunCountAsync(ui));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("item_id,guess\nt0,12\nzz,5\n", "guesses.csv"));
        page.Find("[data-testid=import-predictions-submit]").Click();
        page.WaitForAssertion(() => Assert.Contains("line 3: no item in 'tiny' (test) matches 'zz'", page.Find("[data-testid=import-problems]").TextContent));
        Assert.Equal(before, await RunCountAsync(ui));
    }

    [Fact]
    public async Task Imported_predictions_become_a_run_that_joins_the_leaderboard_and_the_comparison()
    {
        await using var ui = new CompareUiContext();
        var runs = await TinyRuns.SeedAsync(ui.Seed);
        var page = ui.RenderPage($"compare?dataset=tiny&report=test&runs={runs.Alpha.Id}");

        OpenImportDialog(page);
        Assert.Contains("Name the run.", ClickImportAndRead(page));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("index,guess\n0,100\n1,200\n2,50\n3,400\n", "perfect.csv"));
        Assert.Equal("perfect", Input(page, "run-name").GetAttribute("value"));
        Type(page, "started-by", "dee");
        page.Find("[data-testid=import-predictions-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(4, RowIds(page).Length));
        var stored = RowIds(page)[0];
        Assert.Equal($"{runs.Alpha.Id},{stored}", Query(ui)["runs"]);
        page.WaitForAssertion(() => Assert.Equal("$0.00", Row(page, stored).QuerySelector("[data-testid=error]")!.TextContent));
        Assert.Contains("Imported", Row(page, stored).TextContent);
        Assert.Contains("dee", Row(page, stored).TextContent);
        Assert.Empty(page.FindAll("[data-testid=import-predictions-dialog]"));
    }

    [Fact]
    public async Task Run_baselines_queues_the_chosen_baselines_for_the_data_set_and_shows_the_job()
    {
        await using var ui = new CompareUiContext();
        await TinyRuns.SeedAsync(ui.Seed);
        var page = ui.RenderPage("compare?dataset=tiny");

        page.WaitForElement("[data-testid=run-baselines]").Click();

        var job = Assert.Single(ui.Baselines.Recent);
        Assert.Equal("tiny", job.Dataset);
        Assert.Equal(BaselineCatalog.All.Select(b => b.Name), job.Baselines);
        Assert.Equal(PricerAppFactory.EmailOf(PricerRole.Admin), job.StartedBy);
        page.WaitForAssertion(() => Assert.Contains("Waiting for another baselines job", page.Find("[data-testid=baselines-status]").TextContent));
        Assert.True(page.Find("[data-testid=run-baselines]").HasAttribute("disabled"));
    }

    private static int[] RowIds(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("[data-testid=run-row]").Select(r => int.Parse(r.GetAttribute("data-run-id")!)).ToArray();

    private static IElement Row(IRenderedComponent<ContainerFragment> page, int runId) => page.Find($"[data-testid=run-row][data-run-id='{runId}']");

    private static void Tick(IRenderedComponent<ContainerFragment> page, int runId, bool on) =>
        Input(page, $"select-run-{runId}").Change(on);

    private static System.Collections.Specialized.NameValueCollection Query(CompareUiContext ui) => HttpUtility.ParseQueryString(new Uri(ui.Uri).Query);

    private static void OpenImportDialog(IRenderedComponent<ContainerFragment> page)
    {
        page.WaitForElement("[data-testid=import-predictions]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=import-predictions-dialog]"));
    }

    private static string ClickImportAndRead(IRenderedComponent<ContainerFragment> page)
    {
        page.Find("[data-testid=import-predictions-submit]").Click();
        return page.Find("[data-testid=import-predictions-dialog]").TextContent;
    }

    private static void Type(IRenderedComponent<ContainerFragment> page, string testId, string value) =>
        Input(page, testId).Input(value);

    private static IElement Input(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"input[data-testid='{testId}'], [data-testid='{testId}'] input");

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<int> RunCountAsync(CompareUiContext ui)
    {
        await using var db = await ui.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        return await db.Runs.CountAsync();
    }
}
