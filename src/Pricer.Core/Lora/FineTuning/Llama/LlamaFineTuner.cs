using System.Diagnostics;
using Pricer.Core.Items;
using Pricer.Core.Models.Llama;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>
/// Fine-tunes a Llama with LoRA on the course prompt, the loss on the completion tokens only, with AdamW over
/// the adapter (linear decay to zero); the base stays frozen, in whatever form it was loaded (plain or NF4).
/// </summary>
public static class LlamaFineTuner
{
    public static LlamaFineTuneResult Train(
        LoadedLlama llama, IReadOnlyList<Item> train, IReadOnlyList<Item> validation, LlamaFineTuneOptions options,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        if (train.Count < 2) throw new ArgumentException("Fine-tuning needs at least 2 training items.");
        var random = new Random(options.Seed);
        var items = options.MaxItems is { } max && max < train.Count ? train.OrderBy(_ => random.Next()).Take(max).ToList() : [.. train];
        manual_seed(options.Seed);
        var pricer = LlamaPricer.Create(llama, options.ToLoraConfig(llama.Folder), options.MaxTextTokens);
        try
        {
            var epochs = Run(pricer, items, validation, options, random, progress, cancellationToken);
            return new LlamaFineTuneResult(pricer, epochs, pricer.Parameters, Process.GetCurrentProcess().PeakWorkingSet64, items.Count);
        }
        catch
        {
            pricer.Dispose();
            throw;
        }
    }

    /// <summary>Mean completion-token loss over <paramref name="items"/>, in eval mode.</summary>
    public static double Loss(LlamaPricer pricer, IReadOnlyList<Item> items, int batchSize = 4, CancellationToken cancellationToken = default)
    {
        var model = pricer.Llama.Model;
        model.eval();
        using var _ = no_grad();
        double sum = 0;
        for (var start = 0; start < items.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var slice = items.Skip(start).Take(batchSize).ToList();
            using var batch = CompletionBatch.Create(slice, pricer.Llama.Tokenizer, pricer.MaxTextTokens, model.Device);
            sum += batch.Loss(model.call(batch.InputIds)).item<float>() * slice.Count;
        }
        return sum / items.Count;
    }

    private static List<LoraEpoch> Run(
        LlamaPricer pricer, List<Item> items, IReadOnlyList<Item> validation, LlamaFineTuneOptions options, Random random,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var model = pricer.Llama.Model;
        using var optimizer = optim.AdamW(pricer.Adapter.TrainableParameters(), lr: options.LearningRate, weight_decay: 0.01);
        var totalSteps = (items.Count + options.BatchSize - 1) / options.BatchSize * options.Epochs;
        var epochs = new List<LoraEpoch>();
        var steps = progress as IProgress<LoraStep>;
        var epochProgress = progress as IProgress<LoraEpoch>;
        var step = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var order = items.OrderBy(_ => random.Next()).ToList();
            double lossSum = 0;
            model.train();
            for (var start = 0; start < order.Count; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var slice = order.Skip(start).Take(options.BatchSize).ToList();
                using var batch = CompletionBatch.Create(slice, pricer.Llama.Tokenizer, options.MaxTextTokens, model.Device);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = options.LearningRate * (1 - (double)step / totalSteps);
                optimizer.zero_grad();
                var loss = batch.Loss(model.call(batch.InputIds));
                loss.backward();
                optimizer.step();
                step++;
                var batchLoss = loss.item<float>();
                lossSum += batchLoss * slice.Count;
                steps?.Report(new LoraStep(epoch, step, totalSteps, batchLoss));
                if (step % 10 == 0) progress?.Report($"epoch {epoch} step {step}/{totalSteps} loss {batchLoss:F4}");
            }
            var validationLoss = validation.Count == 0 ? double.NaN : Loss(pricer, validation, options.BatchSize, cancellationToken);
            epochs.Add(new LoraEpoch(epoch, lossSum / order.Count, validationLoss, watch.Elapsed.TotalSeconds));
            epochProgress?.Report(epochs[^1]);
            progress?.Report($"epoch {epoch}: train loss {lossSum / order.Count:F4}, validation loss {validationLoss:F4}, {watch.Elapsed.TotalSeconds:F0} s");
        }
        return epochs;
    }
}
