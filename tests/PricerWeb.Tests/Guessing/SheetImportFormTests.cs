using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data.Accounts;
using Pricer.Data.Guessing;
using Pricer.Testing;
using PricerWeb.Features.Accounts.People;
using PricerWeb.Features.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

/// <summary>The filled-sheet upload on the leaderboard page, as a Member importing for a named person, over the real app's services.</summary>
public sealed class SheetImportFormTests : BunitContext, IClassFixture<SheetCampaignApp>, IAsyncLifetime
{
    private const string Tape = "Tape Measure, 25 ft \"\"Magnetic\"\" Tip\nNylon-coated blade, belt clip,\nand a 13 ft standout.";
    private readonly SheetCampaignApp _fixture;

    public SheetImportFormTests(SheetCampaignApp fixture)
    {
        _fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Services.AddMudServices();
        Services.AddSingleton(fixture.App.Services.GetRequiredService<CampaignSheets>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PeopleAdmin>());
        this.SignInAs(PricerRole.Member);
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task A_filled_2024_sheet_is_stored_as_the_chosen_persons_guesses()
    {
        var form = Render<SheetImportForm>(p => p.Add(f => f.CampaignId, _fixture.Campaign.Id));
        var guesser = await UserIdAsync(PricerRole.Guesser);
        form.WaitForAssertion(() => Assert.Contains(PricerAppFactory.EmailOf(PricerRole.Member), form.Find("[data-testid=sheet-person]").OuterHtml));
        await form.InvokeAsync(() => form.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync(guesser));

        var sheet = await File.ReadAllBytesAsync(Path.Combine(SharedData.Fixtures, "guessing", "human_out_2024.csv"));
        Upload(form, sheet, "human_out.csv");

        form.WaitForAssertion(() => Assert.Equal(
            $"Stored 2 guesses for {PricerAppFactory.EmailOf(PricerRole.Guesser)}; 1 left at 0 were skipped.",
            form.Find("[data-testid=sheet-imported]").TextContent.Trim()));
        await using var db = await GuessingApp.Contexts(_fixture.App).CreateDbContextAsync();
        var stored = await db.Guesses.Where(g => g.CampaignId == _fixture.Campaign.Id && g.UserId == guesser).OrderBy(g => g.Price).ToListAsync();
        Assert.Equal([30.0, 1050.0], stored.Select(g => g.Price));
        Assert.All(stored, g => Assert.Equal(GuessSource.Sheet, g.Source));
    }

    [Theory]
    [InlineData("unclosed", "\"Building Blocks Set, 500 Pieces\n,12\r\n", "malformed")]
    [InlineData("one column", "just one column\r\n", "needs two columns")]
    [InlineData("unknown text", "\"Not an item of this campaign\",12\r\n", "not one of this campaign's items")]
    [InlineData("negative", "\"" + Tape + "\",-5\r\n", "must be more than $0")]
    [InlineData("too high", "\"" + Tape + "\",2000000\r\n", "at most $1,000,000")]
    [InlineData("not a number", "\"" + Tape + "\",cheap\r\n", "it is not a number")]
    [InlineData("twice", "\"" + Tape + "\",12\r\n\"" + Tape + "\",13\r\n", "prices one item 2 times")]
    [InlineData("empty", "", "The sheet is empty")]
    [InlineData("hostile", "\"<script>alert(1)</script>\",12\r\n", "not one of this campaign's items")]
    public async Task A_bad_sheet_is_refused_with_the_reason_and_nothing_is_stored(string name, string csv, string reason)
    {
        var form = Render<SheetImportForm>(p => p.Add(f => f.CampaignId, _fixture.Campaign.Id));
        form.WaitForAssertion(() => Assert.Contains(PricerAppFactory.EmailOf(PricerRole.Member), form.Find("[data-testid=sheet-person]").OuterHtml));

        Upload(form, Encoding.UTF8.GetBytes(csv), $"{name}.csv");

        form.WaitForAssertion(() => Assert.Contains(reason, form.Find("[data-testid=sheet-problems]").TextContent));
        Assert.Contains("Nothing was stored.", form.Find("[data-testid=sheet-problems]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=sheet-imported]"));
        Assert.Equal(0, await GuessesOfAsync(await UserIdAsync(PricerRole.Member)));
    }

    [Fact]
    public async Task A_sheet_over_the_size_limit_is_refused_before_it_is_read()
    {
        var form = Render<SheetImportForm>(p => p.Add(f => f.CampaignId, _fixture.Campaign.Id));
        form.WaitForAssertion(() => Assert.Contains(PricerAppFactory.EmailOf(PricerRole.Member), form.Find("[data-testid=sheet-person]").OuterHtml));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[CampaignSheets.MaxSheetBytes + 1], "huge.csv"));
        form.Find("[data-testid=sheet-import-submit]").Click();

        form.WaitForAssertion(() => Assert.Contains("huge.csv is 19.1 MB, over the 19.1 MB limit for a sheet.", form.Find("[data-testid=sheet-problems]").TextContent));
        Assert.Equal(0, await GuessesOfAsync(await UserIdAsync(PricerRole.Member)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit would otherwise call Dispose().
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static void Upload(IRenderedComponent<SheetImportForm> form, byte[] content, string fileName)
    {
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName));
        form.WaitForAssertion(() => Assert.Contains(fileName, form.Find("[data-testid=sheet-chosen]").TextContent));
        form.Find("[data-testid=sheet-import-submit]").Click();
    }

    private async Task<string> UserIdAsync(PricerRole role)
    {
        await using var db = await GuessingApp.Contexts(_fixture.App).CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == PricerAppFactory.EmailOf(role)).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> GuessesOfAsync(string userId)
    {
        await using var db = await GuessingApp.Contexts(_fixture.App).CreateDbContextAsync();
        return await db.Guesses.CountAsync(g => g.CampaignId == _fixture.Campaign.Id && g.UserId == userId);
    }
}
