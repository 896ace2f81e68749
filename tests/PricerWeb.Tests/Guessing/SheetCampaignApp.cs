using Pricer.Data.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

/// <summary>The app with the sample's three test items in a campaign, shared by the sheet form's tests.</summary>
public sealed class SheetCampaignApp : IAsyncLifetime
{
    public PricerAppFactory App { get; } = new();

    public Campaign Campaign { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await GuessingApp.ImportAsync(App, "sample", GuessingApp.SampleItems);
        Campaign = await GuessingApp.CampaignAsync(App, "sample", items: 3);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
