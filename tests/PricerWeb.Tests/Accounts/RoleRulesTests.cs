using System.Net;
using Pricer.Data.Accounts;
using PricerWeb.Tests.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Accounts;

public class RoleRulesTests
{
    [Fact]
    public async Task Signed_out_visitors_get_the_sign_in_page_or_401_and_nothing_else()
    {
        using var app = new PricerAppFactory();
        using var anonymous = app.CreateAnonymousClient(followRedirects: false);

        foreach (var page in new[] { "/", "/datasets", "/compare", "/import", "/guess", "/guess/1", "/admin/people", "/admin/settings" })
        {
            using var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        }
        foreach (var api in new[] { "/api/campaigns/1/next", "/api/compare.csv?dataset=x&runs=1", "/api/runs/1/predictions.csv" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(api)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/app.css")).StatusCode);
    }

    [Theory]
    [InlineData(PricerRole.Guesser, "/import", false)]
    [InlineData(PricerRole.Member, "/import", true)]
    [InlineData(PricerRole.Admin, "/import", true)]
    [InlineData(PricerRole.Guesser, "/datasets", true)]
    [InlineData(PricerRole.Guesser, "/compare", true)]
    [InlineData(PricerRole.Guesser, "/guess", true)]
    [InlineData(PricerRole.Guesser, "/admin/people", false)]
    [InlineData(PricerRole.Member, "/admin/people", false)]
    [InlineData(PricerRole.Admin, "/admin/people", true)]
    [InlineData(PricerRole.Guesser, "/admin/settings", false)]
    [InlineData(PricerRole.Member, "/admin/settings", false)]
    [InlineData(PricerRole.Admin, "/admin/settings", true)]
    public async Task Pages_follow_the_role_rules(PricerRole role, string page, bool allowed)
    {
        using var app = new PricerAppFactory();
        using var client = app.CreateClientAs(role);

        using var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Equal(allowed ? page : "/Account/AccessDenied", landed);
    }

    [Fact]
    public async Task The_blazor_hub_and_the_apis_answer_signed_in_people_and_the_sheet_export_needs_a_member()
    {
        using var app = new PricerAppFactory();
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var campaign = await GuessingApp.CampaignAsync(app, "sample", items: 2);
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        using var member = app.CreateClientAs(PricerRole.Member);

        Assert.Equal(HttpStatusCode.OK, (await guesser.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync($"/api/campaigns/{campaign.Id}/next")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guesser.GetAsync($"/api/campaigns/{campaign.Id}/human_in.csv")).StatusCode);
        var sheet = await member.GetStringAsync($"/api/campaigns/{campaign.Id}/human_in.csv");
        Assert.Equal(2, sheet.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Count(l => l.EndsWith(",0")));
    }

    [Fact]
    public async Task The_first_account_becomes_Admin_and_then_sign_up_needs_an_invitation()
    {
        using var app = new PricerAppFactory(seedAccounts: false);
        using var first = app.CreateAnonymousClient();

        Assert.Contains("the first Admin", await first.GetStringAsync("/Account/Register"));
        var token = await PricerAppFactory.AntiforgeryTokenAsync(first, "/Account/Register");
        using var created = await first.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register", ["__RequestVerificationToken"] = token,
            ["Input.Email"] = "first@pricer.test", ["Input.Password"] = PricerAppFactory.Password, ["Input.ConfirmPassword"] = PricerAppFactory.Password,
        }));
        Assert.Equal("/", created.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/import")).StatusCode);
        Assert.Equal("/import", (await first.GetAsync("/import")).RequestMessage!.RequestUri!.AbsolutePath);

        using var second = app.CreateAnonymousClient();
        var refused = await second.GetStringAsync("/Account/Register");
        Assert.Contains("sign-up-refused", refused);
        Assert.Contains("invitation", refused);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var app = new PricerAppFactory();
        using var client = app.CreateAnonymousClient(followRedirects: false);

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await PricerAppFactory.SignInAsync(client, PricerAppFactory.EmailOf(PricerRole.Guesser), "Wrong-pass-1")).StatusCode);
        using var right = await PricerAppFactory.SignInAsync(client, PricerAppFactory.EmailOf(PricerRole.Guesser), PricerAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
    }
}
