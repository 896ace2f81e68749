using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Pricer.Testing;
using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

public class ImportPageTests
{
    [Fact]
    public async Task An_invalid_name_is_explained_and_nothing_is_queued()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui);

        Type(page, "dataset-name", "items/../../etc");
        Assert.Contains("Use letters, digits, spaces and - _ . only.", page.Markup);

        page.Find("[data-testid=start-import]").Click();
        Assert.Empty(ui.Jobs.Recent);

        Type(page, "dataset-name", new string('x', 101));
        Assert.Contains("At most 100 characters (this one has 101).", page.Markup);
    }

    [Fact]
    public async Task A_new_name_is_queued_at_once_with_the_hub_source_and_the_bad_row_choice()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui);

        Assert.Equal("ed-donner/items_lite", InputValue(page, "hub-repo"));
        Assert.Equal("items_lite", InputValue(page, "dataset-name"));
        Input(page, "skip-bad-rows").Change(true);
        page.Find("[data-testid=start-import]").Click();

        var job = Assert.Single(ui.Jobs.Recent);
        Assert.Equal(new("items_lite", "hf:ed-donner/items_lite", Replace: false, SkipBadRows: true), job.Request);
        page.WaitForAssertion(() => Assert.Contains("Waiting for the import before it", page.Markup));
    }

    [Fact]
    public async Task Importing_over_an_existing_name_asks_and_keeps_the_data_set_when_told_to()
    {
        await using var ui = new ImportUiContext();
        ui.AddDataset("items_lite");
        var page = RenderPage(ui);

        page.Find("[data-testid=start-import]").Click();
        page.WaitForAssertion(() => Assert.Contains("A data set named 'items_lite' already exists", page.Markup));
        ButtonWithText(page, "Keep it").Click();

        page.WaitForAssertion(() => Assert.Contains("Nothing imported: the data set 'items_lite' was kept.", page.Markup));
        Assert.Empty(ui.Jobs.Recent);
    }

    [Fact]
    public async Task Importing_over_an_existing_name_replaces_only_after_the_user_confirms()
    {
        await using var ui = new ImportUiContext();
        ui.AddDataset("items_lite");
        var page = RenderPage(ui);

        page.Find("[data-testid=start-import]").Click();
        page.WaitForAssertion(() => ButtonWithText(page, "Replace"));
        Assert.Empty(ui.Jobs.Recent);
        ButtonWithText(page, "Replace").Click();

        page.WaitForAssertion(() => Assert.True(Assert.Single(ui.Jobs.Recent).Request.Replace));
    }

    [Fact]
    public async Task The_name_follows_the_source_until_the_user_types_one()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui);

        Type(page, "hub-repo", "ed-donner/items_full");
        Assert.Equal("items_full", InputValue(page, "dataset-name"));
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Server path")).Click();
        Assert.Equal("", InputValue(page, "dataset-name"));

        Type(page, "dataset-name", "my prices");
        Type(page, "server-path", "tests/fixtures/items/sample");
        Assert.Equal("my prices", InputValue(page, "dataset-name"));
    }

    [Fact]
    public async Task A_hub_repository_that_is_not_owner_slash_name_is_refused()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui);

        Type(page, "hub-repo", "https://example.com/x");
        page.Find("[data-testid=start-import]").Click();

        Assert.Contains("Enter a Hugging Face data set as owner/name", page.Find("[data-testid=import-notice]").TextContent);
        Assert.Empty(ui.Jobs.Recent);
    }

    [Fact]
    public async Task A_server_path_is_resolved_from_the_content_root_and_names_the_data_set()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui, from: "serverpath");

        Type(page, "server-path", "tests/fixtures/items/sample");
        Assert.Equal("sample", InputValue(page, "dataset-name"));
        page.Find("[data-testid=start-import]").Click();

        var job = Assert.Single(ui.Jobs.Recent);
        Assert.Equal(Path.Combine(SharedData.Fixtures, "items", "sample"), job.Request.Source);
        Assert.Equal("tests/fixtures/items/sample", job.SourceLabel);
    }

    [Fact]
    public async Task A_server_path_that_does_not_exist_is_refused_with_its_full_path()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui, from: "serverpath");

        Type(page, "server-path", "no/such/folder");
        page.Find("[data-testid=start-import]").Click();

        Assert.Contains($"There is no file or folder at {Path.Combine(SharedData.RepoRoot, "no", "such", "folder")}.",
            page.Find("[data-testid=import-notice]").TextContent);
        Assert.Empty(ui.Jobs.Recent);
    }

    [Fact]
    public async Task An_upload_is_streamed_into_the_data_folder_and_queued_under_its_own_name()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui, from: "upload");
        var content = File.ReadAllBytes(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, "my train.jsonl"));
        Assert.Equal("my train", InputValue(page, "dataset-name"));
        page.Find("[data-testid=start-import]").Click();

        page.WaitForState(() => ui.Jobs.Recent.Count == 1);
        var job = ui.Jobs.Recent[0];
        Assert.Equal("upload my train.jsonl", job.SourceLabel);
        Assert.StartsWith(Path.Combine(ui.DataDirectory, "uploads") + Path.DirectorySeparatorChar, job.Request.Source);
        Assert.Equal("my_train.jsonl", Path.GetFileName(job.Request.Source));
        Assert.Equal(content, File.ReadAllBytes(job.Request.Source));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_a_message_and_nothing_is_stored()
    {
        await using var ui = new ImportUiContext(maxUploadBytes: 1000);
        var page = RenderPage(ui, from: "upload");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[5000], "huge.jsonl.gz"));
        const string message = "huge.jsonl.gz is larger than the upload limit of 1000 bytes.";
        Assert.Contains(message, page.Find("[data-testid=import-notice]").TextContent);

        page.Find("[data-testid=start-import]").Click();
        Assert.Contains(message, page.Find("[data-testid=import-notice]").TextContent);
        Assert.Empty(ui.Jobs.Recent);
        Assert.False(Directory.Exists(Path.Combine(ui.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_file_type_the_importer_cannot_read_is_refused_when_chosen()
    {
        await using var ui = new ImportUiContext();
        var page = RenderPage(ui, from: "upload");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("a,b", "prices.xlsx"));

        Assert.Contains("prices.xlsx is not a file the importer reads", page.Find("[data-testid=import-notice]").TextContent);
    }

    /// <summary>The page with the popover and dialog providers beside it, as MainLayout has them.</summary>
    private static IRenderedComponent<ContainerFragment> RenderPage(ImportUiContext ui, string? from = null)
    {
        ui.Services.GetRequiredService<NavigationManager>().NavigateTo(from is null ? "import" : $"import?from={from}");
        return ui.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<ImportPage>(2);
            builder.CloseComponent();
        });
    }

    private static IElement Input(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static string? InputValue(IRenderedComponent<ContainerFragment> page, string testId) => Input(page, testId).GetAttribute("value");

    private static void Type(IRenderedComponent<ContainerFragment> page, string testId, string value) => Input(page, testId).Input(value);

    private static IElement ButtonWithText(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll("button").FirstOrDefault(b => b.TextContent.Trim() == text)
        ?? throw new InvalidOperationException($"No button '{text}' in the page.");
}
