using System.Net;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

public class HostileTextTests
{
    [Fact]
    public async Task Script_tags_and_a_huge_text_are_shown_as_plain_text_on_the_play_page()
    {
        using var folder = new TempFolder();
        var huge = string.Concat(Enumerable.Repeat("<b>bold</b> & more ", 3_000));
        File.WriteAllText(Path.Combine(folder.Path, "test.jsonl"),
            System.Text.Json.JsonSerializer.Serialize(new { id = "evil-1", title = "<script>alert('pwned')</script>", category = "Toys_and_Games", price = 12.5, text = "<img src=x onerror=alert(1)> " + huge, details = "" }) + "\n");
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "hostile", folder.Path);
        var campaign = await GuessingApp.CampaignAsync(app, "hostile", items: 1);
        using var guesser = app.CreateClientAs(Pricer.Data.Accounts.PricerRole.Guesser);

        using var response = await guesser.GetAsync($"/guess/{campaign.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; more", html);
    }
}
