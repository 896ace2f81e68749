using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Pricer.Data.Accounts;
using Pricer.Data.Datasets;
using Pricer.Data.Items.Browsing;
using Pricer.Data.Runs;
using PricerWeb.Features.FineTuning;
using PricerWeb.Tests.Guessing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.FineTuning;

/// <summary>The fine-tuning form and the adapters page over the real app's services, with the sample data set imported.</summary>
public sealed class FineTuningPagesTests : BunitContext, IAsyncLifetime
{
    private readonly PricerAppFactory _app = new();

    public FineTuningPagesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        Services.AddMudServices();
        Services.AddSingleton(_app.Services.GetRequiredService<ItemBrowser>());
        Services.AddSingleton(_app.Services.GetRequiredService<FineTuningRuns>());
        Services.AddSingleton(_app.Services.GetRequiredService<AdapterCatalog>());
        Services.AddSingleton(_app.Services.GetRequiredService<FineTuningBases>());
        Services.AddSingleton(_app.Services.GetRequiredService<PricerWeb.Features.FineTuning.Serving.AdapterServer>());
    }

    private string AdaptersRoot => Path.Combine(_app.DataDirectory, "adapters", "minilm");

    private IRenderedComponent<TPage> RenderAs<TPage>(PricerRole role) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        this.SignInAs(role);
        Render<MudPopoverProvider>();
        return Render<TPage>();
    }

    public async Task InitializeAsync() => await GuessingApp.ImportAsync(_app, "sample", GuessingApp.SampleItems);

    [Fact]
    public async Task Absurd_settings_show_every_problem_and_queue_nothing()
    {
        var page = RenderAs<FineTuningPage>(PricerRole.Member);
        page.WaitForElement("[data-testid=ft-start]");

        page.Find("input[data-testid=ft-rank]").Change("5000");
        page.Find("input[data-testid=ft-alpha]").Change("-3");
        page.Find("input[data-testid=ft-lr]").Change("7");
        TargetBox(page, "query").Change(false);
        TargetBox(page, "value").Change(false);
        await page.Find("button[data-testid=ft-start]").ClickAsync(new());

        var problems = page.WaitForElement("[data-testid=ft-problems]").TextContent;
        Assert.Contains("r must be a whole number from 1 to 256 (got 5000)", problems);
        Assert.Contains("Alpha must be above 0 and at most 1024 (got -3)", problems);
        Assert.Contains("The learning rate must be above 0 and at most 0.1 (got 7)", problems);
        Assert.Contains("Pick at least one target module.", problems);
        Assert.Empty(await _app.Services.GetRequiredService<RunList>().RecentAsync(10, default));
    }

    [Fact]
    public void The_form_offers_the_bases_modules_with_query_and_value_ticked()
    {
        var page = RenderAs<FineTuningPage>(PricerRole.Member);
        page.WaitForElement("[data-testid=ft-start]");

        bool Ticked(string module) => TargetBox(page, module).HasAttribute("checked") || TargetBox(page, module).GetAttribute("aria-checked") == "true";
        Assert.Equal(FineTuningBase.MiniLm.TargetModules.Count, page.FindAll("[data-testid=ft-targets] input").Count);
        Assert.True(Ticked("query") && Ticked("value"));
        Assert.False(Ticked("key") || Ticked("intermediate.dense"));
    }

    [Fact]
    public void Adapters_are_listed_per_base_with_their_shape_and_members_get_the_actions()
    {
        WriteConfig("lora-minilm-r4-a", rank: 4, alpha: 8, "query", "value");
        WriteConfig("lora-minilm-r16-b", rank: 16, alpha: 32, "query", "key", "value");
        Directory.CreateDirectory(Path.Combine(AdaptersRoot, "not-an-adapter"));
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(AdaptersRoot, "broken")).FullName, "adapter_config.json"), "{ not json");
        var page = RenderAs<AdaptersPage>(PricerRole.Member);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=adapter-row]").Count));
        var row = page.Find("[data-adapter=lora-minilm-r16-b]");
        Assert.Equal("16 / 32", row.QuerySelector("[data-testid=adapter-shape]")!.TextContent.Trim());
        Assert.Equal("query, key, value", row.QuerySelector("[data-testid=adapter-targets]")!.TextContent.Trim());
        Assert.Equal("—", row.QuerySelector("[data-testid=adapter-error]")!.TextContent.Trim());
        Assert.Equal("api/adapters/minilm/lora-minilm-r16-b/adapter.zip", row.QuerySelector("[data-testid=adapter-zip]")!.GetAttribute("href"));
        Assert.NotNull(page.Find("[data-testid=new-fine-tuning]"));
    }

    [Fact]
    public void Use_for_pricing_marks_the_adapter_and_survives_a_reload()
    {
        WriteConfig("first", rank: 4, alpha: 8, "query", "value");
        WriteConfig("second", rank: 8, alpha: 16, "query", "value");
        var page = RenderAs<AdaptersPage>(PricerRole.Member);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=adapter-row]").Count));

        page.Find("[data-adapter=second] button[data-testid=adapter-use]").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-adapter=second] [data-testid=adapter-prices]")));
        var again = Render<AdaptersPage>();
        again.WaitForAssertion(() => Assert.Single(again.FindAll("[data-testid=adapter-prices]")));
        Assert.NotNull(again.Find("[data-adapter=second] [data-testid=adapter-prices]"));
        Assert.Equal("second", _app.Services.GetRequiredService<AdapterCatalog>().PricingAdapter("minilm"));
    }

    [Fact]
    public async Task The_try_it_box_defaults_to_the_pricing_adapter_and_shows_why_a_text_is_refused()
    {
        WriteConfig("first", rank: 4, alpha: 8, "query", "value");
        await _app.Services.GetRequiredService<AdapterCatalog>().SetPricingAdapterAsync("minilm", "first", default);
        var page = RenderAs<AdaptersPage>(PricerRole.Member);
        page.WaitForElement("[data-testid=try-price]");

        Assert.Contains("The pricing adapter (first)", page.Find("[data-testid=try-adapter]").TextContent);
        await page.Find("button[data-testid=try-price]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Give a product text to price.", page.Find("[data-testid=try-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=try-result]"));
    }

    [Fact]
    public void Guessers_see_the_adapters_but_no_actions()
    {
        WriteConfig("lora-minilm-r4-a", rank: 4, alpha: 8, "query", "value");
        var page = RenderAs<AdaptersPage>(PricerRole.Guesser);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=adapter-row]")));
        Assert.Empty(page.FindAll("[data-testid=adapter-evaluate], [data-testid=adapter-use], [data-testid=adapter-zip], [data-testid=new-fine-tuning], [data-testid=try-adapter]"));
    }

    private static AngleSharp.Dom.IElement TargetBox(IRenderedComponent<FineTuningPage> page, string module) =>
        page.Find($"input[data-testid='ft-target-{module}'], [data-testid='ft-target-{module}'] input");

    private void WriteConfig(string name, int rank, double alpha, params string[] targets)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AdaptersRoot, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "adapter_config.json"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["peft_type"] = "LORA", ["r"] = rank, ["lora_alpha"] = alpha, ["lora_dropout"] = 0.1, ["target_modules"] = targets, ["bias"] = "none",
        }));
    }

    // MudBlazor registers services that can only be disposed asynchronously; xunit would otherwise call Dispose().
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _app.Dispose();
    }
}
