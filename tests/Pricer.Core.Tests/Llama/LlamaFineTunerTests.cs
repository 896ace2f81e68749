using Pricer.Core.Items;
using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;
using Pricer.Core.Tests.Pricers;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Llama;

/// <summary>LoRA fine-tunes of the tiny random Llama on the course prompt, loss on the completion only, and its two ways of pricing.</summary>
public class LlamaFineTunerTests
{
    private static readonly LlamaFineTuneOptions Tiny = new() { Rank = 8, Alpha = 16, Dropout = 0, BatchSize = 4, MaxTextTokens = 40, LearningRate = 1e-2, Epochs = 3 };

    [Fact]
    public void Prompt_labels_are_masked_and_only_the_completion_is_scored()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        var item = FixtureItems()[0] with { Price = 14.5 };

        var (ids, promptLength) = CoursePrompt.TrainingIds(llama.Tokenizer, item.Text, item.Price, maxTextTokens: 40);
        using var batch = CompletionBatch.Create([item, FixtureItems()[1]], llama.Tokenizer, 40, CPU);

        Assert.Equal("14.00", CoursePrompt.Completion(14.5));
        Assert.Equal("16.00", CoursePrompt.Completion(15.5));
        Assert.Equal(CoursePrompt.PromptIds(llama.Tokenizer, item.Text, 40), ids[..promptLength]);
        Assert.EndsWith("Price is $", llama.Tokenizer.Decode(ids[..promptLength]));
        Assert.Equal("14.00", llama.Tokenizer.Decode(ids[promptLength..]));
        var labels = batch.Labels[0].data<long>().ToArray();
        Assert.All(labels[..promptLength], l => Assert.Equal(CompletionBatch.IgnoreIndex, l));
        Assert.Equal(ids[promptLength..].Select(i => (long)i), labels[promptLength..ids.Length]);
        Assert.All(labels[ids.Length..], l => Assert.Equal(CompletionBatch.IgnoreIndex, l));
    }

    [Fact]
    public void Fixture_items_fine_tune_lowers_the_loss_and_learns_to_say_the_price()
    {
        using var folder = new TempFolder();
        using var adapterFolder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        // One price for every item, so a few steps can teach the tiny model its digits.
        var items = FixtureItems().Select(i => i with { Price = 7 }).ToList();
        var train = Enumerable.Repeat(items, 4).SelectMany(i => i).ToList();

        var result = TrainAndCheckLossFalls(llama, train, items, Tiny with { Epochs = 4 });
        using var pricer = result.Pricer;

        Assert.StartsWith("7", pricer.Generate(items[0].Text));
        Assert.Equal(7, pricer.PriceByGeneration(items[0].Text));
        Assert.InRange(pricer.PriceByTopTokens(items[0].Text), 6.5, 7.5);
        Assert.Equal(2 * 4 * (32 * 8 + 8 * 32) - 2 * 2 * (8 * 32 - 8 * 16), result.Parameters.TrainableParameters);
        Assert.StartsWith("trainable params: ", result.Parameters.ToString());

        var prices = pricer.Price([.. items.Select(i => i.Text)]);
        pricer.Save(adapterFolder.Path);
        pricer.Dispose();
        using var loaded = LlamaPricer.Load(llama, adapterFolder.Path);
        Assert.Equal(prices, loaded.Price([.. items.Select(i => i.Text)]));
        Assert.Equal(Tiny.MaxTextTokens, loaded.MaxTextTokens);
    }

    [SkippableFact]
    public void Real_items_fine_tune_lowers_the_completion_loss_with_the_mlp_targeted_too()
    {
        SharedData.Require();
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU, Nf4 = true });
        var train = CourseData.Train.Take(8).ToList();

        var result = TrainAndCheckLossFalls(llama, train, train, Tiny with { Targets = LlamaFineTuneOptions.KnownTargets });
        using var pricer = result.Pricer;

        Assert.Equal(2 * 7, pricer.Adapter.Layers.Count);
        Assert.All(pricer.Price([.. train.Take(2).Select(i => i.Text)]), p => Assert.True(p >= 0));
    }

    [Fact]
    public void Top_three_tokens_are_weighted_by_probability_over_those_that_read_as_prices()
    {
        Assert.Equal((12 * 0.5 + 15 * 0.2) / 0.7, TopTokenPrice.Weighted([("12", 0.5), ("abc", 0.3), ("15", 0.2)]), 9);
        Assert.Equal(99, TopTokenPrice.Weighted([("99", 0.1), (".", 0.6), ("0", 0.3)]), 9);
        Assert.Equal(0, TopTokenPrice.Weighted([("$", 0.6), ("-", 0.3), ("n/a", 0.1)]));
    }

    [Fact]
    public void Bad_options_are_refused_before_any_training()
    {
        using var folder = new TempFolder();
        TinyLlama.Write(folder.Path, TinyLlama.Config());
        using var llama = LlamaFolder.Load(folder.Path, new LlamaLoadOptions { Device = CPU });
        var items = FixtureItems();

        Assert.Contains("query", Assert.Throws<ArgumentException>(() => LlamaFineTuner.Train(llama, items, [], Tiny with { Targets = ["query"] }, null, default)).Message);
        Assert.Throws<ArgumentException>(() => LlamaFineTuner.Train(llama, items, [], Tiny with { LearningRate = 0 }, null, default));
        Assert.Throws<ArgumentException>(() => LlamaFineTuner.Train(llama, items.Take(1).ToList(), [], Tiny, null, default));
        using var lora = new Pricer.Core.Lora.LoraModel(llama.Model);
        Assert.Empty(lora.Adapters);
    }

    private static List<Item> FixtureItems() => [.. JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"))];

    private static LlamaFineTuneResult TrainAndCheckLossFalls(LoadedLlama llama, IReadOnlyList<Item> train, IReadOnlyList<Item> check, LlamaFineTuneOptions options)
    {
        manual_seed(options.Seed);
        double untrained;
        using (var fresh = LlamaPricer.Create(llama, options.ToLoraConfig(llama.Folder), options.MaxTextTokens))
            untrained = LlamaFineTuner.Loss(fresh, check);

        var result = LlamaFineTuner.Train(llama, train, check, options, null, default);

        Assert.True(result.Epochs[^1].ValidationLoss < untrained * 0.8, $"loss went {untrained} -> {result.Epochs[^1].ValidationLoss}");
        Assert.Equal(options.Epochs, result.Epochs.Count);
        Assert.True(result.PeakMemoryBytes > 0);
        return result;
    }
}
