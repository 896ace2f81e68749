using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data.Accounts;
using Pricer.Data.Guessing;
using PricerWeb.Features.Accounts.People;
using PricerWeb.Features.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Guessing;

/// <summary>What each role sees on a campaign's leaderboard page, over the real app's services.</summary>
public sealed class LeaderboardPageRoleTests : BunitContext, IClassFixture<SheetCampaignApp>, IAsyncLifetime
{
    private readonly SheetCampaignApp _fixture;

    public LeaderboardPageRoleTests(SheetCampaignApp fixture)
    {
        _fixture = fixture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Services.AddMudServices();
        foreach (var service in new[] { typeof(CampaignScores), typeof(CampaignSheets), typeof(PeopleAdmin) })
            Services.AddSingleton(service, fixture.App.Services.GetRequiredService(service));
    }

    [Theory]
    [InlineData(PricerRole.Guesser, false, false)]
    [InlineData(PricerRole.Member, true, false)]
    [InlineData(PricerRole.Admin, true, true)]
    public void Only_Members_upload_sheets_and_publish_and_only_Admins_see_suspicious_patterns(PricerRole role, bool memberTools, bool adminTools)
    {
        this.SignInAs(role);
        Render<MudPopoverProvider>();

        var page = Render<CampaignLeaderboardPage>(p => p.Add(c => c.CampaignId, _fixture.Campaign.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=campaign-leaderboard]")));
        Assert.Equal(memberTools, page.FindAll("[data-testid=sheet-import]").Count == 1);
        Assert.Equal(memberTools, page.FindAll("[data-testid=publish-runs]").Count == 1);
        Assert.Equal(adminTools, page.FindAll("[data-testid=no-suspicious], [data-testid=suspicious]").Count > 0);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit would otherwise call Dispose().
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
