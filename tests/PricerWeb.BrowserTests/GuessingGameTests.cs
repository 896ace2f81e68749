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

        // Distinctive prices, so one player's page can be searched for the other's guesses.
        var firstOfOne = await GuessAsync(one, "123.45");
        await two.GotoAsync($"/guess/{campaignId}");
        await Expect(one.Page.GetByTestId("reveal")).ToContainTextAsync("over 1 guesses");

        // The least-guessed item goes first: player two starts on another item than the one player one priced.
        var firstOfTwo = await GuessAsync(two, "678.9");
        Assert.NotEqual(firstOfOne, firstOfTwo);
        await Expect(two.Page.GetByTestId("reveal")).ToContainTextAsync("over 1 guesses");
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

    /// <summary>Types a price and presses Enter, as a player would; returns the item priced once the page has moved on.</summary>
    private static async Task<long> GuessAsync(AppPage player, string price)
    {
        var item = await CurrentItemAsync(player);
        await Field(player.Page, "guess-input").FillAsync(price);
        await Field(player.Page, "guess-input").PressAsync("Enter");
        await Expect(player.Page.GetByTestId("reveal")).ToContainTextAsync(
            "You said $" + double.Parse(price, CultureInfo.InvariantCulture).ToString("N2", CultureInfo.InvariantCulture));
        await Expect(player.Page.Locator($"[data-testid=play-item][data-item-id='{item}']")).ToHaveCountAsync(0);
        return item;
    }
}
