using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data.Accounts;
using PricerWeb.Features.Accounts.People;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Accounts;

/// <summary>The people page over the real app's accounts (one seeded per role), signed in as its Admin.</summary>
public sealed class PeoplePageTests : BunitContext, IAsyncLifetime
{
    private readonly PricerAppFactory _app = new();

    public PeoplePageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddSingleton(_app.Services.GetRequiredService<PeopleAdmin>());
        Services.AddSingleton(_app.Services.GetRequiredService<AccountSettings>());
        this.SignInAs(PricerRole.Admin);
        Render<MudPopoverProvider>();
    }

    private PeopleAdmin Admin => _app.Services.GetRequiredService<PeopleAdmin>();

    [Fact]
    public void Every_account_is_listed_with_its_role()
    {
        var page = Render<PeoplePage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=person-row]").Count));
        foreach (var role in Enum.GetValues<PricerRole>())
            Assert.Equal(role, RoleShownFor(page, PricerAppFactory.EmailOf(role)));
    }

    [Fact]
    public async Task A_new_role_is_stored_and_shown()
    {
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=person-row]").Count));

        await ChooseRoleAsync(page, PricerAppFactory.EmailOf(PricerRole.Guesser), PricerRole.Member);

        page.WaitForAssertion(() => Assert.Equal(PricerRole.Member, RoleShownFor(page, PricerAppFactory.EmailOf(PricerRole.Guesser))));
        var stored = (await Admin.PeopleAsync()).Single(p => p.Email == PricerAppFactory.EmailOf(PricerRole.Guesser));
        Assert.Equal(PricerRole.Member, stored.Role);
        Assert.Empty(page.FindAll("[data-testid=role-refused]"));
    }

    [Fact]
    public async Task The_last_Admin_cannot_be_demoted_and_is_told_why()
    {
        var admin = PricerAppFactory.EmailOf(PricerRole.Admin);
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=person-row]").Count));

        await ChooseRoleAsync(page, admin, PricerRole.Guesser);

        page.WaitForAssertion(() => Assert.Contains("only Admin", page.Find("[data-testid=role-refused]").TextContent));
        Assert.Equal(PricerRole.Admin, RoleShownFor(page, admin));
        Assert.Equal(PricerRole.Admin, (await Admin.PeopleAsync()).Single(p => p.Email == admin).Role);
    }

    [Fact]
    public async Task With_a_second_Admin_the_first_can_step_down()
    {
        var admin = PricerAppFactory.EmailOf(PricerRole.Admin);
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=person-row]").Count));

        await ChooseRoleAsync(page, PricerAppFactory.EmailOf(PricerRole.Member), PricerRole.Admin);
        await ChooseRoleAsync(page, admin, PricerRole.Member);

        Assert.Empty(page.FindAll("[data-testid=role-refused]"));
        Assert.Equal(PricerRole.Member, (await Admin.PeopleAsync()).Single(p => p.Email == admin).Role);
        page.WaitForAssertion(() => Assert.Equal(PricerRole.Member, RoleShownFor(page, admin)));
    }

    [Fact]
    public async Task The_sign_up_switch_stores_the_mode_both_ways()
    {
        var initial = await Admin.SignUpModeAsync();
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => page.FindComponent<SignUpModePanel>());
        var toggle = page.FindComponent<SignUpModePanel>().Find("input");

        await toggle.ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = initial != SignUpMode.Open });
        var flipped = await Admin.SignUpModeAsync();
        await page.FindComponent<SignUpModePanel>().Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = initial == SignUpMode.Open });

        Assert.NotEqual(initial, flipped);
        Assert.Equal(initial, await Admin.SignUpModeAsync());
    }

    [Fact]
    public async Task An_invitation_link_is_shown_once_and_signs_up_with_the_chosen_role()
    {
        var page = Render<PeoplePage>();
        page.WaitForAssertion(() => page.FindComponent<InvitationPanel>());
        var panel = page.FindComponent<InvitationPanel>();
        var roleSelect = panel.FindComponent<MudSelect<PricerRole>>();
        await page.InvokeAsync(() => roleSelect.Instance.ValueChanged.InvokeAsync(PricerRole.Member));

        await panel.Find("button").ClickAsync(new());

        page.WaitForAssertion(() => panel.FindComponent<MudTextField<string>>());
        var link = panel.FindComponent<MudTextField<string>>().Find("input").GetAttribute("value");
        var token = Uri.UnescapeDataString(new Uri(link!).Query.Split("invite=")[1]);
        var invitation = await _app.Services.GetRequiredService<AccountSettings>().FindOpenInvitationAsync(token, CancellationToken.None);
        Assert.Equal(PricerRole.Member, invitation!.Role);
        Assert.Contains("/Account/Register?invite=", link);
    }

    private static PricerRole RoleShownFor(IRenderedComponent<PeoplePage> page, string email) => Enum.Parse<PricerRole>(RoleSelectOf(page, email).Find("input").GetAttribute("value")!);

    private static async Task ChooseRoleAsync(IRenderedComponent<PeoplePage> page, string email, PricerRole role)
    {
        var select = RoleSelectOf(page, email);
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(role));
    }

    // The table has one role select per row, in the rows' order.
    private static IRenderedComponent<MudSelect<PricerRole>> RoleSelectOf(IRenderedComponent<PeoplePage> page, string email)
    {
        var emails = page.FindAll("[data-testid=person-email]").Select(e => e.TextContent).ToList();
        return page.FindComponents<PeopleTable>().Single().FindComponents<MudSelect<PricerRole>>()[emails.IndexOf(email)];
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously; xunit would otherwise call Dispose().
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _app.Dispose();
    }
}
