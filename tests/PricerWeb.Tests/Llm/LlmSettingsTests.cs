using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Pricer.Core.Embeddings;
using Pricer.Core.Llm;
using Pricer.Core.Items;
using Pricer.Data.Llm;
using Pricer.Testing;

namespace PricerWeb.Tests.Llm;

public sealed class LlmSettingsTests
{
    [Fact]
    public void The_shipped_providers_cover_the_course_models_openai_and_ollama_and_all_are_usable()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(SharedData.RepoRoot, "appsettings.json")).Build();
        var options = configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>()!;

        var models = options.Providers.Select(p => p.Model).ToList();
        Assert.Subset(models.ToHashSet(),
            new HashSet<string> { "openai/gpt-4.1-nano", "anthropic/claude-opus-4-5", "gemini/gemini-3-pro-preview", "xai/grok-4-1-fast-non-reasoning", "gpt-5.1" });
        Assert.Contains(options.Providers, p => p.BaseUrl == "https://api.openai.com/v1" && p.ApiKeyEnvironmentVariable == "OPENAI_API_KEY");
        Assert.Contains(options.Providers, p => p.BaseUrl.Contains(":11434") && p.ApiKeyEnvironmentVariable == "");
        Assert.All(options.Providers, p => Assert.Empty(p.Problems()));
        Assert.Equal(options.Providers.Count, options.Providers.Select(p => p.Name).Distinct().Count());
        Assert.NotNull(options.Find("  litellm GPT-4.1-NANO "));
    }

    [Fact]
    public void The_rag_prompt_lists_each_similar_item_with_its_price_after_the_frontier_prompt()
    {
        var prompt = PromptTemplate.RenderWithSimilar(PromptTemplate.Frontier, "Lamp\nA desk lamp.",
            [new SimilarItem(1, "Desk light", "Lighting", "Desk light", 19.5, 0.9f), new SimilarItem(2, "Floor lamp", "Lighting", "Floor lamp", 120, 0.7f)]);

        Assert.Equal(
            "Estimate the price of this product. Respond with the price, no explanation\n\nLamp\nA desk lamp." +
            "\n\nTo help you, here are some other items that might be similar, with their prices:\n" +
            "\nPotentially related product:\nDesk light\nPrice is $19.50\n" +
            "\nPotentially related product:\nFloor lamp\nPrice is $120.00\n", prompt);
    }

    [Fact]
    public void The_cache_key_changes_with_endpoint_model_parameters_and_prompt_but_not_with_the_key_or_prices()
    {
        LlmProviderOptions Provider() => new() { Name = "a", BaseUrl = "http://h/v1", Model = "m", ApiKeyEnvironmentVariable = "K" };
        var key = LlmCacheKey.For(Provider(), "p");
        var differentBy = new List<Action<LlmProviderOptions>>
        {
            p => p.BaseUrl = "http://other/v1", p => p.Model = "m2", p => p.Seed = 1, p => p.MaxOutputTokens = 5,
            p => p.ReasoningEffort = "low", p => p.Temperature = 0.5,
        };
        foreach (var change in differentBy)
        {
            var provider = Provider();
            change(provider);
            Assert.NotEqual(key, LlmCacheKey.For(provider, "p"));
        }
        Assert.NotEqual(key, LlmCacheKey.For(Provider(), "q"));
        var same = Provider();
        same.Name = "renamed";
        same.ApiKeyEnvironmentVariable = "OTHER";
        same.InputUsdPerMillionTokens = 3;
        same.BaseUrl = "http://h/v1/";
        Assert.Equal(key, LlmCacheKey.For(same, "p"));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Theory]
    [InlineData("Estimate the price of this product.\n\nLamp \"XL\" <b>&</b> café 💡 \\ \t 'x' + y")]
    [InlineData("")]
    public void Cache_keys_stay_those_stored_before_they_were_computed_once_per_provider(string prompt)
    {
        var provider = new LlmProviderOptions { BaseUrl = "HTTP://Host/v1/", Model = " m ", Seed = 3, MaxOutputTokens = 9, ReasoningEffort = "Low", Temperature = 0.25 };
        // The request JSON that earlier versions hashed, so cached replies of existing databases still answer.
        var earlier = JsonSerializer.Serialize(new
        {
            endpoint = "http://host/v1", model = "m", max_tokens = (int?)9, seed = (long?)3, reasoning_effort = "low", temperature = (double?)0.25,
            messages = new[] { new { role = "user", content = prompt } },
        });
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(earlier)));

        var keys = new LlmCacheKey(provider);

        Assert.Equal(expected, keys.Of(prompt));
        Assert.Equal(expected, keys.Of(prompt));
        Assert.Equal(expected, LlmCacheKey.For(provider, prompt));
    }

    [Fact]
    public async Task Concurrent_reservations_never_carry_the_spend_past_the_budget()
    {
        const double Step = 1.0 / 128; // exact in binary, so the sums compare exactly
        var budget = new LlmBudget(1.0, 0.25);
        var granted = 0;
        await Parallel.ForAsync(0, 1000, async (_, _) =>
        {
            if (!budget.TryReserve(Step)) return;
            Interlocked.Increment(ref granted);
            await Task.Yield();
            budget.Settle(Step, Step);
        });

        Assert.Equal(96, granted);
        Assert.Equal(1.0, budget.SpentUsd, 9);
        Assert.False(budget.TryReserve(0.001));
    }

    [Fact]
    public void Settings_round_trip_through_the_run_configuration_without_any_key()
    {
        var settings = new LlmRunSettings
        {
            Provider = new LlmProviderOptions { Name = "p", BaseUrl = "http://h/v1", Model = "m", ApiKeyEnvironmentVariable = "MY_KEY", Seed = 3 },
            Items = new LlmItemSet { Split = Split.Validation, Sample = 10, Seed = 5 },
            PromptTemplate = "Price of {text}?",
            BudgetUsd = 2.5,
        };

        var json = settings.ToJson();
        var back = LlmRunSettings.FromJson(json);

        Assert.Contains("\"kind\":\"llm\"", json);
        Assert.Equal((settings.Items, settings.PromptTemplate, settings.BudgetUsd), (back.Items, back.PromptTemplate, back.BudgetUsd));
        Assert.Equal(("MY_KEY", 3L), (back.Provider.ApiKeyEnvironmentVariable, back.Provider.Seed!.Value));
    }

    [Fact]
    public void A_sample_is_drawn_once_per_seed_in_source_order_and_first_takes_the_report_items()
    {
        var rows = Enumerable.Range(0, 100).ToList();

        var sample = new LlmItemSet { Sample = 10, Seed = 7 }.Choose(rows);

        Assert.Equal(10, sample.Count);
        Assert.Equal(sample.Order(), sample);
        Assert.Equal(sample, new LlmItemSet { Sample = 10, Seed = 7 }.Choose(rows));
        Assert.NotEqual(sample, new LlmItemSet { Sample = 10, Seed = 8 }.Choose(rows));
        Assert.Equal(Enumerable.Range(0, 5), new LlmItemSet { First = 5 }.Choose(rows));
        Assert.Equal(100, new LlmItemSet { Sample = 500 }.Choose(rows).Count);
        Assert.NotNull(new LlmItemSet { First = 5, Sample = 5 }.Problem());
    }
}
