using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PricerWeb.BrowserTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PricerWeb.BrowserTests;

public sealed class GuessingGameTests(ChromiumFixture chromium, FixtureItemsAppFixture app, ITestOutputHelper output)
    : BrowserTest(chromium, app, output), IClassFixture<FixtureItemsAppFixture>
{
    private const int CampaignItems = 3;

    [Fact]
    public async Task Two_players_each_price_every_item_once_see_only_their_own_guesses_and_meet_on_the_leaderboard()
    {
        var campaignId = await CreateCampaignAsync("Two players");
        await using var one = await OpenPageAsAsync(TestAccount.PlayerOne);
        await using var two = await OpenPageAsAsync(TestAccount.PlayerTwo);
        await one.GotoAsync($"/guess/{campaignId}");

        await Expect(one.Page.GetByTestId("item-details")).ToContainTextAsync("Brixo");
        // Distinctive prices, so one player's page can be searched for the other's guesses.
        var firstOfOne = await GuessAsync(one, "123.45");
        await two.GotoAsync($"/guess/{campaignId}");
        await Expect(one.Page.GetByTestId("reveal")).ToContainTextAsync("over 1 guess:");

        // The least-guessed item goes first: player two starts on another item than the one player one priced.
        var firstOfTwo = await GuessAsync(two, "678.9");
        Assert.NotEqual(firstOfOne, firstOfTwo);
        await ScreenshotAsync(one, "play.png");
        await two.Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(two, "play-phone.png");
        await Expect(two.Page.GetByTestId("reveal")).ToContainTextAsync("over 1 guess:");
        await Expect(two.Page.Locator("body")).Not.ToContainTextAsync("$123.45");

        // A refresh mid-play loses nothing: the same item comes back, and the count includes the stored guess.
        var shownToOne = await CurrentItemAsync(one);
        await one.GotoAsync($"/guess/{campaignId}");
        Assert.Equal(shownToOne, await CurrentItemAsync(one));
        await Expect(one.Page.GetByTestId("progress")).ToContainTextAsync($"Item 2 of {CampaignItems}");

        var itemsOfOne = new List<long> { firstOfOne };
        var itemsOfTwo = new List<long> { firstOfTwo };
        for (var round = 1; round < CampaignItems; round++)
        {
            itemsOfOne.Add(await GuessAsync(one, $"{100 + round}.45"));
            itemsOfTwo.Add(await GuessAsync(two, $"{600 + round}.9"));
        }
        await Expect(one.Page.GetByTestId("all-done")).ToBeVisibleAsync();
        await Expect(two.Page.GetByTestId("all-done")).ToBeVisibleAsync();

        // Every item once for each player, none twice.
        Assert.Equal(CampaignItems, itemsOfOne.Distinct().Count());
        Assert.Equal(CampaignItems, itemsOfTwo.Distinct().Count());
        Assert.Equal(itemsOfOne.Order(), itemsOfTwo.Order());
        foreach (var price in new[] { "$678.90", "$601.90", "$602.90" }) await Expect(one.Page.Locator("body")).Not.ToContainTextAsync(price);
        foreach (var price in new[] { "$123.45", "$101.45", "$102.45" }) await Expect(two.Page.Locator("body")).Not.ToContainTextAsync(price);

        await one.Page.GetByTestId("to-leaderboard").ClickAsync();
        await one.Page.WaitForURLAsync(new Regex($"/guess/{campaignId}/leaderboard$"));
        var rows = one.Page.GetByTestId("score-row");
        await Expect(rows.And(one.Page.Locator("[data-kind=Player]"))).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = TestAccount.PlayerOne.Email })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = TestAccount.PlayerTwo.Email })).ToHaveCountAsync(1);
        await Expect(rows.And(one.Page.Locator("[data-kind=Crowd]"))).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "Crowd (median)" }).Locator("td").Nth(3)).ToHaveTextAsync(CampaignItems.ToString());
        // Scores only: no player's single guesses are listed.
        await Expect(one.Page.Locator("body")).Not.ToContainTextAsync("$678.90");

        one.AssertNoConsoleErrors();
        two.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_Member_uploads_a_filled_sheet_as_a_Guessers_guesses_and_the_Guesser_joins_the_leaderboard()
    {
        var campaignId = await CreateCampaignAsync("Sheet upload");
        await using var member = await OpenPageAsAsync(TestAccount.Member);
        await member.GotoAsync($"/guess/{campaignId}/leaderboard");
        var page = member.Page;
        await Expect(page.GetByTestId("score-row")).ToHaveCountAsync(0);

        await page.GetByTestId("sheet-person").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = TestAccount.Guesser.Email }).ClickAsync();
        await page.Locator("[data-testid=sheet-import] input[type=file]").SetInputFilesAsync(
            Path.Combine(Pricer.Testing.SharedData.Fixtures, "guessing", "human_out_2024.csv"));
        await Expect(page.GetByTestId("sheet-chosen")).ToContainTextAsync("human_out_2024.csv");
        await page.GetByTestId("sheet-import-submit").ClickAsync();

        await Expect(page.GetByTestId("sheet-imported")).ToHaveTextAsync($"Stored 2 guesses for {TestAccount.Guesser.Email}; 1 left at 0 were skipped.");
        var guesser = page.GetByTestId("score-row").Filter(new() { HasText = TestAccount.Guesser.Email });
        await Expect(guesser.Locator("td").Nth(3)).ToHaveTextAsync("2");
        await ScreenshotAsync(member, "leaderboard.png");
        await Page.GotoAsync("/guess");
        await Expect(Page.Page.GetByTestId("campaign-row")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync(Page, "campaigns.png");
        member.AssertNoConsoleErrors();
    }

    /// <summary>Set PRICER_SCREENSHOTS to a folder to keep pictures of the pages.</summary>
    private static async Task ScreenshotAsync(AppPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PRICER_SCREENSHOTS") is { Length: > 0 } folder)
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }

    /// <summary>Creates a campaign over the sample's three test items through the form, as the Admin; returns its id.</summary>
    private async Task<int> CreateCampaignAsync(string name)
    {
        var page = Page.Page;
        await Page.GotoAsync("/guess");
        await Field(page, "campaign-name").FillAsync(name);
        await page.GetByTestId("create-campaign").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/guess/\d+$"));
        return int.Parse(new Uri(page.Url).Segments[^1]);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.GetByTestId(testId).Locator("input").Or(page.Locator($"input[data-testid={testId}]"));

    private static async Task<long> CurrentItemAsync(AppPage player) =>
        long.Parse((await player.Page.GetByTestId("play-item").GetAttributeAsync("data-item-id"))!);

    /// <summary>
    /// Types a price and presses Enter with the keyboard alone (the price box has the focus on arrival and after each
    /// guess); returns the item priced once the page has moved on.
    /// </summary>
    private static async Task<long> GuessAsync(AppPage player, string price)
    {
        var item = await CurrentItemAsync(player);
        await Expect(Field(player.Page, "guess-input")).ToBeFocusedAsync();
        await player.Page.Keyboard.TypeAsync(price);
        await player.Page.Keyboard.PressAsync("Enter");
        await Expect(player.Page.GetByTestId("reveal")).ToContainTextAsync(
            "You said $" + double.Parse(price, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.InvariantCulture));
        await Expect(player.Page.Locator($"[data-testid=play-item][data-item-id='{item}']")).ToHaveCountAsync(0);
        return item;
    }
}
