using System.Diagnostics;
using Pricer.Core.Items;
using Pricer.Core.Models.MiniLm;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>
/// Fine-tunes MiniLM with LoRA and a linear head to predict standardised log price (MSE), with AdamW over
/// the adapter and head only; the encoder's own weights stay frozen.
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
        var random = new Random(options.Seed);
        var items = options.MaxItems is { } max && max < train.Count ? train.OrderBy(_ => random.Next()).Take(max).ToList() : [.. train];
        var scale = PriceScale.Fit(items.Select(i => i.Price));
        manual_seed(options.Seed);
        var pricer = LoraPricer.Create(encoder, options.ToLoraConfig(), scale, options.MaxTokens);
        var trainable = pricer.Adapter.TrainableParameters().Concat(pricer.Model.Head.parameters()).ToList();
        using var optimizer = optim.AdamW(trainable, lr: options.LearningRate, weight_decay: 0.01);
        var stepsPerEpoch = (items.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = stepsPerEpoch * options.Epochs;
        var epochs = new List<LoraEpoch>();
        var steps = progress as IProgress<LoraStep>;
        var epochProgress = progress as IProgress<LoraEpoch>;
        var step = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var order = items.OrderBy(_ => random.Next()).ToList();
            double lossSum = 0;
            pricer.Model.train();
            for (var start = 0; start < order.Count; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var slice = order.Skip(start).Take(options.BatchSize).ToList();
                using var batch = pricer.Tokenizer.Encode([.. slice.Select(i => i.Text)]);
                var target = tensor(slice.Select(i => scale.ToTarget(i.Price)).ToArray());
                foreach (var group in optimizer.ParamGroups) group.LearningRate = options.LearningRateAt(step, totalSteps);
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(pricer.Model.call(batch), target);
                loss.backward();
                optimizer.step();
                step++;
                var batchLoss = loss.item<float>();
                lossSum += batchLoss * slice.Count;
                steps?.Report(new LoraStep(epoch, step, totalSteps, batchLoss));
                if (step % 10 == 0) progress?.Report($"epoch {epoch} step {step}/{totalSteps} loss {batchLoss:F4}");
            }
            var validationLoss = validation.Count == 0 ? double.NaN : ValidationLoss(pricer, validation, cancellationToken);
            epochs.Add(new LoraEpoch(epoch, lossSum / order.Count, validationLoss, watch.Elapsed.TotalSeconds));
            epochProgress?.Report(epochs[^1]);
            progress?.Report($"epoch {epoch}: train loss {lossSum / order.Count:F4}, validation loss {validationLoss:F4}, {watch.Elapsed.TotalSeconds:F0} s");
        }
        return new LoraFineTuneResult(pricer, epochs, pricer.Parameters, Process.GetCurrentProcess().PeakWorkingSet64, items.Count);
    }

    public static double ValidationLoss(LoraPricer pricer, IReadOnlyList<Item> validation, CancellationToken cancellationToken)
    {
        var predicted = pricer.PredictTargets([.. validation.Select(i => i.Text)], cancellationToken: cancellationToken);
        return validation.Select((item, i) => Math.Pow(predicted[i] - pricer.Scale.ToTarget(item.Price), 2)).Average();
    }
}
