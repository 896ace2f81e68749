using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using Pricer.Core.Tests.Pricers;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

/// <summary>Training the top layers from cached frozen states is the same computation as the full forward pass.</summary>
public class FrozenHiddenCacheTests
{
    private static readonly Lazy<BertModel> Encoder = new(MiniLmWeights.LoadPretrained);

    [Fact]
    public void Cached_states_give_the_full_forward_loss_and_adapter_gradients()
    {
        var items = JsonlItems.Read(Path.Combine(SharedData.Fixtures, "items", "sample", "train.jsonl"));
        var texts = items.Select(i => i.Text).ToList();
        var scale = PriceScale.Fit(items.Select(i => i.Price));
        manual_seed(3);
        using var pricer = LoraPricer.Create(Encoder.Value, new LoraConfig { Rank = 4, Alpha = 8, Dropout = 0, LayersToTransform = [4, 5] }, scale, maxTokens: 48);
        LoraModelTests.Randomise(pricer.Adapter);
        using var target = tensor(items.Select(i => scale.ToTarget(i.Price)).ToArray());
        pricer.Model.train();

        using var batch = pricer.Tokenizer.Encode(texts);
        var (fullLoss, fullGradients) = LossAndGradients(pricer, () => pricer.Model.call(batch), target);
        using var cache = FrozenHiddenCache.Build(Encoder.Value, pricer.Tokenizer, texts, layer: 4, default);
        var (hidden, mask) = cache.Batch([.. Enumerable.Range(0, texts.Count)]);
        var (cachedLoss, cachedGradients) = LossAndGradients(pricer, () => pricer.Model.ForwardFrom(hidden, mask, 4), target);

        Assert.Equal(4, LoraFineTuner.CacheableLayer(pricer.Adapter));
        Assert.Equal(texts.Count, cache.Count);
        Assert.Equal(fullLoss, cachedLoss, 1e-3 * fullLoss);
        Assert.Equal(8, fullGradients.Count);
        // The cache holds float16, so the gradients agree to float16's precision, not to the bit.
        for (var i = 0; i < fullGradients.Count; i++)
        {
            var relative = (fullGradients[i] - cachedGradients[i]).norm().item<float>() / fullGradients[i].norm().item<float>();
            Assert.True(relative < 5e-3, $"gradient {i} differs by {relative:E2} of its norm");
        }
    }

    [Fact]
    public void Only_an_adapter_that_leaves_the_lowest_layers_alone_is_cacheable()
    {
        using var lora = new LoraModel(Encoder.Value);
        Assert.Null(LoraFineTuner.CacheableLayer(lora.AddAdapter("all", new LoraConfig())));
        Assert.Null(LoraFineTuner.CacheableLayer(lora.AddAdapter("bottom", new LoraConfig { LayersToTransform = [0, 5] })));
        Assert.Equal(3, LoraFineTuner.CacheableLayer(lora.AddAdapter("top", new LoraConfig { TargetModules = ["dense"], LayersToTransform = [5, 3] })));
    }

    private static (double Loss, List<Tensor> Gradients) LossAndGradients(LoraPricer pricer, Func<Tensor> forward, Tensor target)
    {
        var parameters = pricer.Adapter.TrainableParameters().ToList();
        foreach (var parameter in parameters) parameter.grad?.zero_();
        using var loss = nn.functional.mse_loss(forward(), target);
        loss.backward();
        return (loss.item<float>(), [.. parameters.Select(p => p.grad!.clone())]);
    }
}
