using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Core.Llm;
using Pricer.Data.Accounts;
using Pricer.Data.Llm;
using PricerWeb.Features.Settings;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Settings;

/// <summary>The settings page over the real app's services (one loopback provider, no key yet), signed in as its Admin.</summary>
public sealed class SettingsPageTests : BunitContext, IAsyncLifetime
{
    private const string Key = "sk-page-0123456789abcdef";
    private readonly SettingsApp _bed = new();

    public SettingsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddSingleton(_bed.App.Services.GetRequiredService<IOptions<LlmOptions>>());
        Services.AddSingleton(_bed.Keys);
        Services.AddSingleton(Spending);
        this.SignInAs(PricerRole.Admin);
        Render<MudPopoverProvider>();
    }

    private LlmSpending Spending => _bed.App.Services.GetRequiredService<LlmSpending>();

    [Fact]
    public void Each_provider_is_listed_with_its_settings_and_where_its_key_comes_from()
    {
        var page = Render<SettingsPage>();

        var row = page.WaitForElement("[data-testid=provider-row]");
        Assert.Equal(["loopback", _bed.Server.BaseUrl, "loopback-model", "10", "20", "2", "not set", ""], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_stored_key_shows_as_stored_here_is_never_echoed_and_can_be_removed()
    {
        var page = Render<SettingsPage>();

        page.Find("[data-testid=key-input] input, input[data-testid=key-input]").Input(Key);
        page.Find("[data-testid=key-store]").Click();

        page.WaitForAssertion(() => Assert.Equal("stored here", page.Find("[data-testid=key-origin]").TextContent));
        Assert.Contains("is stored", page.Find("[data-testid=key-done]").TextContent);
        Assert.DoesNotContain(Key, page.Markup);
        Assert.Equal("password", page.Find("input[type=password]").GetAttribute("type"));
        Assert.Equal(Key, _bed.Keys.Resolve(_bed.App.Services.GetRequiredService<IOptions<LlmOptions>>().Value.Providers[0]));

        page.Find("[data-testid=key-remove]").Click();

        page.WaitForAssertion(() => Assert.Equal("not set", page.Find("[data-testid=key-origin]").TextContent));
        Assert.False(_bed.Keys.IsStored(SettingsApp.Provider));
        Assert.Empty(page.FindAll("[data-testid=key-remove]"));
    }

    [Fact]
    public void An_oversize_key_is_refused_with_a_message_and_not_stored()
    {
        var page = Render<SettingsPage>();

        page.Find("[data-testid=key-input] input, input[data-testid=key-input]").Input(new string('x', 513));
        page.Find("[data-testid=key-store]").Click();

        page.WaitForAssertion(() => Assert.Contains("at most 512 characters", page.Find("[data-testid=key-refused]").TextContent));
        Assert.Equal("not set", page.Find("[data-testid=key-origin]").TextContent);
        Assert.False(_bed.Keys.IsStored(SettingsApp.Provider));
        Assert.DoesNotContain(new string('x', 513), page.Markup);
    }

    [Fact]
    public async Task Budgets_are_saved_and_a_negative_one_is_refused_with_a_message()
    {
        var page = Render<SettingsPage>();
        page.WaitForElement("[data-testid=spent]");
        Assert.Equal("Spent on LLM runs this month: $0", page.Find("[data-testid=spent]").TextContent.Trim());

        page.Find("[data-testid=default-budget] input, input[data-testid=default-budget]").Change("2.5");
        page.Find("[data-testid=monthly-cap] input, input[data-testid=monthly-cap]").Change("40");
        page.Find("[data-testid=budgets-save]").Click();

        page.WaitForElement("[data-testid=budgets-saved]");
        var stored = await Spending.LimitsAsync(CancellationToken.None);
        Assert.Equal((2.5, 40), (stored.DefaultRunBudgetUsd, stored.MonthlyCapUsd));
        Assert.Equal(PricerAppFactory.EmailOf(PricerRole.Admin), stored.ChangedBy);
        Assert.Contains("of the $40 cap", page.Find("[data-testid=spent]").TextContent);

        page.Find("[data-testid=monthly-cap] input, input[data-testid=monthly-cap]").Change("-3");
        page.Find("[data-testid=budgets-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("The monthly cap must be an amount from $0 to $1,000,000", page.Find("[data-testid=budgets-refused]").TextContent));
        Assert.Equal(40, (await Spending.LimitsAsync(CancellationToken.None)).MonthlyCapUsd);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _bed.DisposeAsync();
    }
}
