using System.Diagnostics;
using Pricer.Core.Items;
using Pricer.Core.Models.MiniLm;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>
/// Fine-tunes MiniLM with LoRA and a linear head to predict standardised log price (MSE, optionally plus a raw-price
/// MSE term), with AdamW over the adapter and head only; the encoder's own weights stay frozen. When the adapter
/// leaves the lowest layers alone, their output is computed once per item and each step runs only the layers above.
/// </summary>
public static class LoraFineTuner
{
    /// <param name="progress">
    /// Log lines; when it also implements <see cref="IProgress{LoraStep}"/> or <see cref="IProgress{LoraEpoch}"/> it gets
    /// every step's loss and every epoch's losses too (for live charts), with no change to callers that only log.
    /// </param>
    public static LoraFineTuneResult Train(
        BertModel encoder, IReadOnlyList<Item> train, IReadOnlyList<Item> validation, LoraFineTuneOptions options,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (train.Count < 2) throw new ArgumentException("Fine-tuning needs at least 2 training items.");
        if (options.LayersToTransform?.FirstOrDefault(l => l >= encoder.Config.Layers, -1) is >= 0 and var tooHigh)
            throw new ArgumentException($"The encoder has layers 0 to {encoder.Config.Layers - 1} (got layer {tooHigh}).");
        var random = new Random(options.Seed);
        var items = options.MaxItems is { } max && max < train.Count ? train.OrderBy(_ => random.Next()).Take(max).ToList() : [.. train];
        var scale = PriceScale.Fit(items.Select(i => i.Price));
        manual_seed(options.Seed);
        var pricer = LoraPricer.Create(encoder, options.ToLoraConfig(), scale, options.MaxTokens);
        try
        {
            return Train(pricer, items, validation, options, progress, random, cancellationToken);
        }
        catch
        {
            pricer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lowest encoder layer the adapter touches when that is above layer 0 and every adapted module sits in an
    /// encoder layer: the layers below it then never change, so their output can be cached. Null otherwise.
    /// </summary>
    public static int? CacheableLayer(LoraAdapter adapter)
    {
        var layers = adapter.Layers.Keys.Select(p => p.StartsWith("encoder.layer.", StringComparison.Ordinal) ? LoraConfig.LayerIndex(p) : null).ToList();
        return layers.All(l => l != null) && layers.Min() is > 0 and var lowest ? lowest : null;
    }

    public static double ValidationLoss(LoraPricer pricer, IReadOnlyList<Item> validation, CancellationToken cancellationToken)
    {
        var predicted = pricer.PredictTargets([.. validation.Select(i => i.Text)], cancellationToken: cancellationToken);
        return validation.Select((item, i) => Math.Pow(predicted[i] - pricer.Scale.ToTarget(item.Price), 2)).Average();
    }

    private static LoraFineTuneResult Train(
        LoraPricer pricer, List<Item> items, IReadOnlyList<Item> validation, LoraFineTuneOptions options,
        IProgress<string>? progress, Random random, CancellationToken cancellationToken)
    {
        var scale = pricer.Scale;
        var cacheLayer = CacheableLayer(pricer.Adapter);
        using var trainCache = cacheLayer is { } layer ? BuildCache(pricer, items, layer, "training", progress, cancellationToken) : null;
        using var validationCache = cacheLayer is { } vlayer && validation.Count > 0 ? BuildCache(pricer, validation, vlayer, "validation", progress, cancellationToken) : null;

        var headParameters = pricer.Model.Head.parameters().ToList();
        using var optimizer = optim.AdamW(
            [new TorchSharp.Modules.AdamW.ParamGroup(pricer.Adapter.TrainableParameters(), lr: options.LearningRate, weight_decay: 0.01),
             new TorchSharp.Modules.AdamW.ParamGroup(headParameters, lr: options.HeadLearningRate ?? options.LearningRate, weight_decay: 0.01)]);
        var stepsPerEpoch = (items.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = stepsPerEpoch * options.Epochs;
        var priceStd = Math.Sqrt(items.Select(i => i.Price).Sum(p => Math.Pow(p - items.Average(i => i.Price), 2)) / items.Count);
        var epochs = new List<LoraEpoch>();
        var steps = progress as IProgress<LoraStep>;
        var epochProgress = progress as IProgress<LoraEpoch>;
        var step = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var order = Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).ToList();
            double lossSum = 0;
            pricer.Model.train();
            for (var start = 0; start < order.Count; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var slice = order.Skip(start).Take(options.BatchSize).ToList();
                var target = tensor(slice.Select(i => scale.ToTarget(items[i].Price)).ToArray());
                optimizer.ParamGroups.First().LearningRate = options.LearningRateAt(step, totalSteps);
                optimizer.ParamGroups.Last().LearningRate = options.HeadLearningRateAt(step, totalSteps);
                optimizer.zero_grad();
                var output = Forward(pricer, trainCache, items, slice);
                var loss = nn.functional.mse_loss(output, target);
                if (options.RawPriceLossWeight > 0)
                {
                    var price = tensor(slice.Select(i => (float)items[i].Price).ToArray());
                    var implied = output.clamp(-6, 6).mul(scale.Std).add(scale.Mean).exp().sub(1);
                    loss = loss + nn.functional.mse_loss(implied.div(priceStd), price.div(priceStd)).mul(options.RawPriceLossWeight);
                }
                loss.backward();
                optimizer.step();
                step++;
                var batchLoss = loss.item<float>();
                lossSum += batchLoss * slice.Count;
                steps?.Report(new LoraStep(epoch, step, totalSteps, batchLoss));
                if (step % 10 == 0) progress?.Report($"epoch {epoch} step {step}/{totalSteps} loss {batchLoss:F4}");
            }
            var validationLoss = validation.Count == 0 ? double.NaN : ValidationLoss(pricer, validationCache, validation, cancellationToken);
            epochs.Add(new LoraEpoch(epoch, lossSum / order.Count, validationLoss, watch.Elapsed.TotalSeconds));
            epochProgress?.Report(epochs[^1]);
            progress?.Report($"epoch {epoch}: train loss {lossSum / order.Count:F4}, validation loss {validationLoss:F4}, {watch.Elapsed.TotalSeconds:F0} s");
        }
        if (options.MeanCalibration)
        {
            var heldOutMse = validation.Count > 0 ? epochs[^1].ValidationLoss : ValidationLoss(pricer, trainCache, items, cancellationToken);
            pricer.Scale = scale.WithHeldOutError(heldOutMse);
            progress?.Report($"pricing with the log-normal mean: log variance {pricer.Scale.LogVariance:F3} (x{Math.Exp(pricer.Scale.LogVariance / 2):F2} on the median)");
        }
        return new LoraFineTuneResult(pricer, epochs, pricer.Parameters, Process.GetCurrentProcess().PeakWorkingSet64, items.Count);
    }

    private static FrozenHiddenCache BuildCache(
        LoraPricer pricer, IReadOnlyList<Item> items, int layer, string what, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var cache = FrozenHiddenCache.Build(pricer.Model.Encoder, pricer.Tokenizer, [.. items.Select(i => i.Text)], layer, cancellationToken);
        progress?.Report($"cached the frozen states entering layer {layer} for {items.Count:N0} {what} items in {watch.Elapsed.TotalSeconds:F0} s");
        return cache;
    }

    private static Tensor Forward(LoraPricer pricer, FrozenHiddenCache? cache, IReadOnlyList<Item> items, IReadOnlyList<int> slice)
    {
        if (cache == null)
        {
            using var batch = pricer.Tokenizer.Encode([.. slice.Select(i => items[i].Text)]);
            return pricer.Model.call(batch);
        }
        var (hidden, mask) = cache.Batch(slice);
        return pricer.Model.ForwardFrom(hidden, mask, cache.Layer);
    }

    private static double ValidationLoss(LoraPricer pricer, FrozenHiddenCache? cache, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        if (cache == null) return ValidationLoss(pricer, items, cancellationToken);
        pricer.Model.eval();
        using var _ = no_grad();
        double sum = 0;
        for (var start = 0; start < items.Count; start += 64)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var slice = Enumerable.Range(start, Math.Min(64, items.Count - start)).ToList();
            var target = tensor(slice.Select(i => pricer.Scale.ToTarget(items[i].Price)).ToArray());
            sum += nn.functional.mse_loss(Forward(pricer, cache, items, slice), target, nn.Reduction.Sum).item<float>();
        }
        return sum / items.Count;
    }
}
