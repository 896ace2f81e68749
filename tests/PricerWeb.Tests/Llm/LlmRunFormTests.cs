using Pricer.Core.Items;
using Pricer.Core.Llm;
using PricerWeb.Features.Llm;

namespace PricerWeb.Tests.Llm;

public sealed class LlmRunFormTests
{
    private static readonly LlmOptions Options = new()
    {
        Providers = [new LlmProviderOptions { Name = "Local", BaseUrl = "http://127.0.0.1:1/v1", Model = "m", Concurrency = 3, Seed = 9 }],
    };

    [Fact]
    public void The_form_takes_the_chosen_provider_as_configured_and_overrides_only_what_it_sets()
    {
        var form = new LlmRunForm { Provider = "local", Concurrency = 12, BudgetUsd = 0.5, Items = "course2025", Template = "Price: {text}" };

        var settings = form.ToSettings(Options);

        Assert.Equal(("m", 12, 9L), (settings.Provider.Model, settings.Provider.Concurrency, settings.Provider.Seed!.Value));
        Assert.Equal(3, Options.Providers[0].Concurrency);
        Assert.Equal((Split.Test, (int?)200), (settings.Items.Split, settings.Items.First));
        Assert.Equal((0.5, "Price: {text}"), (settings.BudgetUsd!.Value, settings.PromptTemplate));
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void A_sample_choice_samples_the_test_split_and_an_unknown_provider_is_refused()
    {
        var sampled = new LlmRunForm { Provider = "Local", Items = LlmRunForm.Sample, SampleSize = 30 }.ToSettings(Options);

        Assert.Equal((Split.Test, (int?)30, (int?)null), (sampled.Items.Split, sampled.Items.Sample, sampled.Items.First));
        Assert.Contains("Choose a provider", Assert.Throws<ArgumentException>(() => new LlmRunForm { Provider = "nope" }.ToSettings(Options)).Message);
        Assert.Contains("Unknown item set", Assert.Throws<ArgumentException>(() => new LlmRunForm { Provider = "Local", Items = "everything" }.ToSettings(Options)).Message);
    }
}
