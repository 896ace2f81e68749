using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Guessing;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

/// <summary>The app with a data set imported and a campaign over its test items, created by the seeded Admin.</summary>
internal static class GuessingApp
{
    public static string SampleItems => Path.Combine(SharedData.Fixtures, "items", "sample");

    public static async Task<int> ImportAsync(PricerAppFactory app, string name, string source)
    {
        await app.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest(name, source), null, CancellationToken.None);
        return 0;
    }

    public static async Task<Campaign> CampaignAsync(
        PricerAppFactory app, string dataset, int items, bool reveal = true, int perItem = 2, CampaignSelection selection = CampaignSelection.FirstItems)
    {
        await using var db = await Contexts(app).CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(u => u.Email == PricerAppFactory.EmailOf(Pricer.Data.Accounts.PricerRole.Admin));
        return await app.Services.GetRequiredService<CampaignStore>().CreateAsync(
            new CampaignRequest("Test campaign", dataset, Split.Test, selection, items, 7, perItem, reveal, null), admin.Id, admin.Email!, CancellationToken.None);
    }

    public static IDbContextFactory<PricerDbContext> Contexts(PricerAppFactory app) =>
        app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>();

    public static async Task<PlayItem> NextAsync(HttpClient client, int campaignId)
    {
        var item = await client.GetFromJsonAsync<PlayItem>($"/api/campaigns/{campaignId}/next");
        return item ?? throw new InvalidOperationException("No item to play.");
    }

    public static Task<HttpResponseMessage> GuessAsync(HttpClient client, int campaignId, long itemId, double price) =>
        client.PostAsJsonAsync($"/api/campaigns/{campaignId}/guesses", new { itemId, price });
}
