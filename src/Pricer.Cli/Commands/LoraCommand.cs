using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using Pricer.Data.Lora;
using Pricer.Data.Runs;

namespace Pricer.Cli.Commands;

/// <summary>`pricer lora train|eval|merge`: LoRA fine-tuning of MiniLM as a price regressor.</summary>
public static class LoraCommand
{
    public const string MiniLmBase = "minilm";

    /// <summary>BERT's linear layers by PEFT-style name; "dense" covers all three dense layers of a block.</summary>
    private static readonly string[] KnownTargets = ["query", "key", "value", "dense", "attention.output.dense", "intermediate.dense", "output.dense"];

    public static Command Create() => new("lora", "LoRA fine-tuning: train an adapter, price with one, merge one into the base")
    {
        Train(),
        Evaluate(),
        Merge(),
    };

    private static Command Train()
    {
        var baseModel = new Option<string>("--base") { Description = "Base model: minilm (all-MiniLM-L6-v2 from its package)", DefaultValueFactory = _ => MiniLmBase };
        var dataset = new Option<string>("--dataset") { Description = "Data set to train on (train split) and score (validation, test)", Required = true };
        var rank = new Option<int>("--r") { Description = "LoRA rank", DefaultValueFactory = _ => 8 };
        var alpha = new Option<double>("--alpha") { Description = "LoRA alpha (scaling alpha/r)", DefaultValueFactory = _ => 16 };
        var dropout = new Option<double>("--dropout") { Description = "LoRA dropout", DefaultValueFactory = _ => 0.1 };
        var targets = new Option<string>("--targets") { Description = "Modules to adapt: any of query, key, value, attention.output.dense, intermediate.dense, output.dense, dense (all three)", DefaultValueFactory = _ => "query,value" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 1 };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (AdamW, linear decay)", DefaultValueFactory = _ => 1e-3 };
        var batch = new Option<int>("--batch-size") { Description = "Items per step", DefaultValueFactory = _ => 16 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "WordPiece tokens read per item", DefaultValueFactory = _ => 128 };
        var maxItems = new Option<int?>("--max-items") { Description = "Train on this many items drawn at random (default: all)" };
        var scoreItems = new Option<int?>("--score-items") { Description = "Price only the first N validation and N test items (default: all)" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var json = GlobalOptions.Json();
        var command = new Command("train", "Fine-tune MiniLM with LoRA and a price head, store its guesses as a run and save the adapter")
        {
            baseModel, dataset, rank, alpha, dropout, targets, epochs, lr, batch, maxTokens, maxItems, scoreItems, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(baseModel) is var chosen && !string.Equals(chosen, MiniLmBase, StringComparison.OrdinalIgnoreCase))
                return CliExit.Failure($"--base {chosen}: only 'minilm' can be fine-tuned here (Llama folders are not supported yet).");
            var options = new LoraFineTuneOptions
            {
                Rank = parse.GetValue(rank),
                Alpha = parse.GetValue(alpha),
                Dropout = parse.GetValue(dropout),
                Targets = parse.GetValue(targets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(lr),
                BatchSize = parse.GetValue(batch),
                MaxTokens = parse.GetValue(maxTokens),
                MaxItems = parse.GetValue(maxItems),
                Seed = parse.GetValue(seed),
            };
            try
            {
                options.Validate();
                if (options.Targets.Except(KnownTargets).FirstOrDefault() is { } unknown)
                    throw new ArgumentException($"Unknown target '{unknown}': choose among {string.Join(", ", KnownTargets)}.");
            }
            catch (ArgumentException e)
            {
                return CliExit.Failure(e.Message);
            }

            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            LoraRunResult result;
            try
            {
                result = await services.GetRequiredService<LoraRunner>().TrainAsync(
                    parse.GetValue(dataset)!, options, parse.GetValue(scoreItems), Environment.UserName, new Progress<string>(Console.Error.WriteLine), cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                return CliExit.Failure(e.Message);
            }
            return await ReportAsync(services, result, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static Command Evaluate()
    {
        var adapter = new Option<string>("--adapter") { Description = "A saved adapter folder (from lora train)", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "Data set whose validation and test items to price", Required = true };
        var scoreItems = new Option<int?>("--score-items") { Description = "Price only the first N validation and N test items (default: all)" };
        var json = GlobalOptions.Json();
        var command = new Command("eval", "Price a data set with a saved adapter and store the guesses as a run") { adapter, dataset, scoreItems, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            LoraRunResult result;
            try
            {
                result = await services.GetRequiredService<LoraRunner>().EvaluateAsync(
                    parse.GetValue(dataset)!, parse.GetValue(adapter)!, parse.GetValue(scoreItems), Environment.UserName, new Progress<string>(Console.Error.WriteLine), cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or LoraFormatException)
            {
                return CliExit.Failure(e.Message);
            }
            return await ReportAsync(services, result, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static Command Merge()
    {
        var adapter = new Option<string>("--adapter") { Description = "A saved adapter folder (from lora train)", Required = true };
        var output = new Option<string>("--out") { Description = "Safetensors file for the merged MiniLM weights", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("merge", "Write MiniLM with an adapter merged into its weights (Hugging Face key names)") { adapter, output, json };
        command.SetAction(parse =>
        {
            using var encoder = MiniLmWeights.LoadPretrained();
            try
            {
                using var pricer = LoraPricer.Load(encoder, parse.GetValue(adapter)!);
                MergedExport.Save(pricer.Lora, LoraPricer.AdapterName, parse.GetValue(output)!);
                Console.WriteLine($"merged {pricer.Adapter.Layers.Count} layers into {parse.GetValue(output)}");
                if (parse.GetValue(json)) JsonOutput.Write(new { merged = Path.GetFullPath(parse.GetValue(output)!), layers = pricer.Adapter.Layers.Count });
                return 0;
            }
            catch (Exception e) when (e is LoraFormatException or IOException or UnauthorizedAccessException)
            {
                return CliExit.Failure(e.Message);
            }
        });
        return command;
    }

    private static async Task<int> ReportAsync(ServiceProvider services, LoraRunResult result, bool json, CancellationToken cancellationToken)
    {
        var evaluator = services.GetRequiredService<RunEvaluator>();
        var course = (await evaluator.EvaluateAsync(result.Run.Id, ReportDefinition.Course2024, cancellationToken)).Metrics;
        var validation = (await evaluator.EvaluateAsync(result.Run.Id, ReportDefinition.Validation, cancellationToken)).Metrics;
        Console.WriteLine(result.Parameters);
        foreach (var epoch in result.Epochs)
            Console.WriteLine($"epoch {epoch.Epoch}: train loss {epoch.TrainLoss:F4}, validation loss {epoch.ValidationLoss:F4}, {epoch.Seconds:F0} s");
        Console.WriteLine($"run {result.Run.Id} {result.Run.Name}: course2024 error ${course.Error:F2}, RMSLE {course.Rmsle:F2}, hits {course.HitsPercent:F1}%; validation error ${validation.Error:F2}");
        Console.WriteLine($"adapter: {result.AdapterPath}");
        if (json)
        {
            JsonOutput.Write(new
            {
                run = result.Run.Id,
                adapterPath = result.AdapterPath,
                trainableParams = result.Parameters.TrainableParameters,
                allParams = result.Parameters.AllParameters,
                valLoss = result.Epochs.Count > 0 ? result.Epochs[^1].ValidationLoss : (double?)null,
                secondsPerEpoch = result.Epochs.Count > 0 ? result.Epochs.Average(e => e.Seconds) : (double?)null,
                peakMemoryMb = result.PeakMemoryBytes / (1024.0 * 1024.0),
                trainItems = result.TrainItems,
                error = course.Error,
                rmsle = course.Rmsle,
                hits = course.HitsPercent,
                validationError = validation.Error,
            });
        }
        return 0;
    }
}
