using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pricer.Data.Accounts;
using Pricer.Data.Guessing;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

/// <summary>Many players at once through Kestrel on loopback, each with their own sign-in cookie; no timings asserted.</summary>
public class GuessingLoadTests
{
    private const int Players = 50;
    private const int GuessesEach = 20;
    private const int Items = 25;
    private const int DoubleSenders = 5;

    [Fact]
    public async Task Fifty_players_sending_twenty_guesses_each_at_once_store_all_1000_once_and_a_second_submission_is_refused()
    {
        using var items = new TempFolder();
        await File.WriteAllLinesAsync(Path.Combine(items.Path, "test.jsonl"), Enumerable.Range(0, Items).Select(i => JsonSerializer.Serialize(
            new { id = $"load-{i}", title = $"Load item {i}", category = "Toys_and_Games", price = 10.0 + i, text = $"Load item {i}\nA thing to price.", details = "" })));
        using var app = new PricerAppFactory();
        var address = app.StartOnLoopback();
        await GuessingApp.ImportAsync(app, "load", items.Path);
        var campaign = await GuessingApp.CampaignAsync(app, "load", items: Items, perItem: Players * GuessesEach / Items);
        var emails = Enumerable.Range(0, Players).Select(i => $"load{i}@pricer.test").ToList();
        foreach (var email in emails) await app.AddAccountAsync(email, PricerRole.Guesser);
        var players = await Task.WhenAll(emails.Select(email => SignInOverSocketAsync(address, email)));

        // Every player plays their whole round at the same moment: next item, guess, next item, ...
        var sent = await Task.WhenAll(players.Select((client, p) => Task.Run(async () =>
        {
            var mine = new Dictionary<long, double>();
            for (var g = 0; g < GuessesEach; g++)
            {
                var item = await GuessingApp.NextAsync(client, campaign.Id);
                Assert.DoesNotContain(item.ItemId, mine.Keys);
                var price = 1 + p * 100 + g;
                using var response = await GuessingApp.GuessAsync(client, campaign.Id, item.ItemId, price);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"Player {p} guess {g}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                mine.Add(item.ItemId, price);
            }
            return mine;
        })));

        // A few players send their next guess twice at once, and one they already made again: one stored, the rest refused.
        var doubled = await Task.WhenAll(players.Take(DoubleSenders).Select(async (client, p) =>
        {
            var item = await GuessingApp.NextAsync(client, campaign.Id);
            var replay = sent[p].First();
            var responses = await Task.WhenAll(
                GuessingApp.GuessAsync(client, campaign.Id, item.ItemId, 5),
                GuessingApp.GuessAsync(client, campaign.Id, item.ItemId, 6),
                GuessingApp.GuessAsync(client, campaign.Id, replay.Key, replay.Value + 1));
            return (item.ItemId, Statuses: responses.Select(r => r.StatusCode).ToList());
        }));
        Assert.All(doubled, d => Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict], d.Statuses.Order()));

        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        var stored = await db.Guesses.Where(g => g.CampaignId == campaign.Id)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { u.Email, g.ItemId, g.Price, g.Source })
            .ToListAsync();
        Assert.Equal(Players * GuessesEach + DoubleSenders, stored.Count);
        Assert.Equal(stored.Count, stored.Select(g => (g.Email, g.ItemId)).Distinct().Count());
        Assert.All(stored, g => Assert.Equal(GuessSource.Play, g.Source));
        for (var p = 0; p < Players; p++)
        {
            var expected = sent[p].Select(kv => (kv.Key, kv.Value));
            if (p < DoubleSenders) expected = expected.Append((doubled[p].ItemId, stored.Single(g => g.Email == emails[p] && g.ItemId == doubled[p].ItemId).Price));
            Assert.Equal(expected.Order(), stored.Where(g => g.Email == emails[p]).Select(g => (g.ItemId, g.Price)).Order());
        }
        // The least-guessed item is served first, so the guesses spread over every item.
        Assert.Equal(Items, stored.Select(g => g.ItemId).Distinct().Count());
        foreach (var client in players) client.Dispose();
    }

    /// <summary>A client of its own (own sockets, own cookie), signed in through the real sign-in form over Kestrel.</summary>
    private static async Task<HttpClient> SignInOverSocketAsync(Uri address, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        using var response = await PricerAppFactory.SignInAsync(client, email, PricerAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
