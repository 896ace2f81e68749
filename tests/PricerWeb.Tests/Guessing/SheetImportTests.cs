using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pricer.Data.Accounts;
using Pricer.Data.Guessing;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

public class SheetImportTests
{
    [Fact]
    public async Task A_filled_2024_sheet_becomes_the_persons_guesses_and_a_bad_one_changes_nothing()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);

        using var bad = await PostSheetAsync(guesser, campaign.Id, "\"Not an item of this campaign\",12\r\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not one of this campaign's items", await bad.Content.ReadAsStringAsync());

        using var good = await PostSheetAsync(guesser, campaign.Id, await File.ReadAllTextAsync(Path.Combine(SharedData.Fixtures, "guessing", "human_out_2024.csv")));
        var result = await good.Content.ReadFromJsonAsync<SheetImportResult>();

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal((2, 1, 0), (result!.Stored, result.Unfilled, result.AlreadyGuessed));
        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        Assert.Equal([30.0, 1050.0], await db.Guesses.OrderBy(g => g.Price).Select(g => g.Price).ToListAsync());
        Assert.All(await db.Guesses.ToListAsync(), g => Assert.Equal(GuessSource.Sheet, g.Source));
    }

    [Fact]
    public async Task A_sheet_sent_as_a_cross_site_form_could_send_it_is_refused_and_nothing_is_stored()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        var sheet = await File.ReadAllTextAsync(Path.Combine(SharedData.Fixtures, "guessing", "human_out_2024.csv"));

        using var plain = await guesser.PostAsync($"/api/campaigns/{campaign.Id}/human_out.csv", new StringContent(sheet, Encoding.UTF8, "text/plain"));
        using var form = await guesser.PostAsync($"/api/campaigns/{campaign.Id}/human_out.csv",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["sheet"] = sheet }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        Assert.Equal(0, await db.Guesses.CountAsync());
    }

    [Fact]
    public async Task The_exported_human_in_sheet_filled_in_2025_form_imports_back()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 3);
        using var member = app.CreateClientAs(PricerRole.Member);

        var sheet = await member.GetStringAsync($"/api/campaigns/{campaign.Id}/human_in.csv");
        var filled = sheet.Replace(",0\r\n", ",42\r\n");
        using var response = await PostSheetAsync(member, campaign.Id, filled);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<SheetImportResult>())!.Stored);
    }

    [SkippableFact]
    public async Task The_course_human_input_sheet_filled_with_numbers_imports_as_250_guesses()
    {
        SharedData.Require();
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "course", SharedData.ItemsFolder);
        var campaign = await GuessingApp.CampaignAsync(app, "course", items: 250);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        var sheet = await File.ReadAllTextAsync(SharedData.HumanInputCsv);
        var row = 0;
        // Every row's placeholder 0 (the last field of each record) becomes a guess 10, 11, 12, ...
        var filled = System.Text.RegularExpressions.Regex.Replace(sheet, ",0(\r?\n|$)", m => $",{(10 + row++).ToString(CultureInfo.InvariantCulture)}{m.Groups[1].Value}");
        Assert.Equal(250, row);

        using var response = await PostSheetAsync(guesser, campaign.Id, filled);
        var result = await response.Content.ReadFromJsonAsync<SheetImportResult>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(250, result!.Stored);
        await using var db = await GuessingApp.Contexts(app).CreateDbContextAsync();
        Assert.Equal(250, await db.Guesses.CountAsync(g => g.CampaignId == campaign.Id));
    }

    private static Task<HttpResponseMessage> PostSheetAsync(HttpClient client, int campaignId, string csv) =>
        client.PostAsync($"/api/campaigns/{campaignId}/human_out.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
}
