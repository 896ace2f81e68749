using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Pricer.Data;
using PricerWeb.Features.Llm;
using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Llm;

public sealed class LlmPageTests
{
    [Fact]
    public async Task The_rag_checkbox_is_disabled_until_the_chosen_data_sets_training_items_are_embedded()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        await using var ui = new BunitContext();
        ui.JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = bed.Database.DataDirectory })
            .Build();
        ui.Services.AddSingleton<IConfiguration>(configuration);
        ui.Services.AddLogging();
        ui.Services.AddMudServices();
        ui.Services.AddPricerData(configuration, bed.Database.DataDirectory);
        ui.Services.AddRunsFeature();
        ui.Services.AddLlmFeature();

        bool RagDisabled()
        {
            var page = ui.Render<LlmPage>();
            var checkbox = page.WaitForElement("[data-testid=llm-rag] input, input[data-testid=llm-rag]", TimeSpan.FromSeconds(30));
            return checkbox.HasAttribute("disabled");
        }

        Assert.True(RagDisabled());
        await bed.EmbedAsync();
        Assert.False(RagDisabled());
    }
}
