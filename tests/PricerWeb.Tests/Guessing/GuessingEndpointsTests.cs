using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;
using Pricer.Data.Accounts;
using Pricer.Data.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

public class GuessingEndpointsTests
{
    [Fact]
    public async Task A_guess_is_stored_once_a_second_submission_and_a_simultaneous_pair_are_refused()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);

        var item = await GuessingApp.NextAsync(guesser, campaign.Id);
        using var first = await GuessingApp.GuessAsync(guesser, campaign.Id, item.ItemId, 25);
        using var again = await GuessingApp.GuessAsync(guesser, campaign.Id, item.ItemId, 30);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var outcome = await first.Content.ReadFromJsonAsync<GuessOutcome>();
        Assert.NotNull(outcome!.Truth); // the campaign reveals the truth
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var next = await GuessingApp.NextAsync(guesser, campaign.Id);
        Assert.NotEqual(item.ItemId, next.ItemId);
        var pair = await Task.WhenAll(GuessingApp.GuessAsync(guesser, campaign.Id, next.ItemId, 10), GuessingApp.GuessAsync(guesser, campaign.Id, next.ItemId, 11));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], pair.Select(r => r.StatusCode).Order());

        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        var stored = await db.Guesses.Where(g => g.CampaignId == campaign.Id).OrderBy(g => g.Id).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(25, stored[0].Price);
        Assert.NotNull(stored[0].SecondsTaken);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000000.01")]
    [InlineData("1e308")]
    [InlineData("\"abc\"")]
    [InlineData("null")]
    public async Task An_invalid_price_is_refused_with_a_reason_and_nothing_is_stored(string price)
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 2);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        var item = await GuessingApp.NextAsync(guesser, campaign.Id);

        using var response = await guesser.PostAsync($"/api/campaigns/{campaign.Id}/guesses",
            new StringContent($$"""{"itemId":{{item.ItemId}},"price":{{price}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        Assert.Equal(0, await db.Guesses.CountAsync());
    }

    [Fact]
    public async Task Each_player_gets_items_they_have_not_guessed_and_the_least_guessed_first()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3, perItem: 2);
        using var member = app.CreateClientAs(PricerRole.Member);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);

        var seenByMember = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var item = await GuessingApp.NextAsync(member, campaign.Id);
            Assert.Equal(item, await GuessingApp.NextAsync(member, campaign.Id)); // a refresh shows the same item
            seenByMember.Add(item.ItemId);
            (await GuessingApp.GuessAsync(member, campaign.Id, item.ItemId, 10 + i)).EnsureSuccessStatusCode();
        }
        Assert.Equal(3, seenByMember.Distinct().Count());
        Assert.Equal(HttpStatusCode.NoContent, (await member.GetAsync($"/api/campaigns/{campaign.Id}/next")).StatusCode);

        var first = await GuessingApp.NextAsync(guesser, campaign.Id);
        (await GuessingApp.GuessAsync(guesser, campaign.Id, first.ItemId, 5)).EnsureSuccessStatusCode();
        var second = await GuessingApp.NextAsync(guesser, campaign.Id);
        Assert.NotEqual(first.ItemId, second.ItemId);
    }

    [Fact]
    public async Task The_leaderboard_scores_players_and_the_crowd_and_publishing_makes_human_and_crowd_runs()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3);
        foreach (var (role, price) in new[] { (PricerRole.Member, 20.0), (PricerRole.Guesser, 80.0) })
        {
            using var client = app.CreateClientAs(role);
            for (var i = 0; i < 3; i++)
            {
                var item = await GuessingApp.NextAsync(client, campaign.Id);
                (await GuessingApp.GuessAsync(client, campaign.Id, item.ItemId, price)).EnsureSuccessStatusCode();
            }
        }
        var scores = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CampaignScores>(app.Services);

        var board = await scores.LeaderboardAsync(campaign.Id, CancellationToken.None);

        Assert.Equal(["guesser@pricer.test", "member@pricer.test"], board!.Rows.Where(r => r.Kind == CampaignScoreKind.Player).Select(r => r.Name).Order());
        Assert.Equal([CampaignScores.CrowdMeanName, CampaignScores.CrowdMedianName], board.Rows.Where(r => r.Kind == CampaignScoreKind.Crowd).Select(r => r.Name).Order());
        Assert.All(board.Rows, r => Assert.Equal(3, r.Count));
        var member = board.Rows.Single(r => r.Name == "member@pricer.test");
        Assert.True(member.Bias < 0 || member.Bias > 0);

        var runIds = await scores.PublishRunsAsync(campaign.Id, CancellationToken.None);
        var again = await scores.PublishRunsAsync(campaign.Id, CancellationToken.None);
        Assert.Equal(runIds, again); // published once, replaced in place
        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        var runs = await db.Runs.Where(r => runIds.Contains(r.Id)).ToListAsync();
        Assert.Equal(2, runs.Count(r => r.Kind == RunKind.Human));
        Assert.Equal(2, runs.Count(r => r.Kind == RunKind.Crowd));
        Assert.Equal(12, await db.Predictions.CountAsync(p => runIds.Contains(p.RunId)));
    }
}
