using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.MiniLm;
using Pricer.Data.Lora;
using Pricer.Data.Runs;

namespace Pricer.Cli.Commands;

/// <summary>`pricer lora train|eval|merge`: LoRA fine-tuning of MiniLM as a price regressor, or of a Llama folder on the course prompt.</summary>
public static class LoraCommand
{
    public const string MiniLmBase = "minilm";
    private const int MiniLmLayers = 6;

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
        var baseModel = new Option<string>("--base") { Description = "Base model: minilm (all-MiniLM-L6-v2 from its package) or the path of a Hugging Face Llama folder", DefaultValueFactory = _ => MiniLmBase };
        var dataset = new Option<string>("--dataset") { Description = "Data set to train on (train split) and score (validation, test)", Required = true };
        var rank = new Option<int>("--r") { Description = "LoRA rank", DefaultValueFactory = _ => 8 };
        var alpha = new Option<double>("--alpha") { Description = "LoRA alpha (scaling alpha/r)", DefaultValueFactory = _ => 16 };
        var dropout = new Option<double>("--dropout") { Description = "LoRA dropout", DefaultValueFactory = _ => 0.1 };
        var targets = new Option<string?>("--targets") { Description = "Modules to adapt. MiniLM: any of query, key, value, attention.output.dense, intermediate.dense, output.dense, dense (all three); default query,value. Llama: any of q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj; default q_proj,k_proj,v_proj,o_proj" };
        var layers = new Option<string?>("--layers") { Description = "MiniLM only: encoder layers to adapt (PEFT's layers_to_transform), e.g. 4,5; adapting only upper layers caches the frozen lower layers' output once and trains much faster. Default: all" };
        var headLr = new Option<double?>("--head-lr") { Description = "MiniLM only: peak learning rate of the regression head (default: --lr)" };
        var rawPriceWeight = new Option<double>("--raw-price-weight") { Description = "MiniLM only: weight of an MSE term on the implied price beside the log-price MSE (default 0)" };
        var meanCalibration = new Option<bool>("--mean-calibration") { Description = "MiniLM only: price with the log-normal mean exp(mu + s^2/2), s^2 the validation log-price MSE, instead of the median" };
        var schedule = new Option<LoraSchedule>("--schedule") { Description = "Learning-rate schedule: Linear, Cosine or Constant", DefaultValueFactory = _ => LoraSchedule.Linear };
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 1 };
        var lr = new Option<double?>("--lr") { Description = "Peak learning rate (AdamW, linear decay); default 1e-3 for MiniLM, 1e-4 for a Llama" };
        var batch = new Option<int?>("--batch-size") { Description = "Items per step; default 16 for MiniLM, 4 for a Llama" };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Tokens of item text read per item; default 128 for MiniLM, 160 for a Llama (as the course cut it)" };
        var nf4 = new Option<bool>("--nf4") { Description = "Llama only: hold the frozen decoder weights as NF4 with double quantisation (QLoRA)" };
        var maxItems = new Option<int?>("--max-items") { Description = "Train on this many items drawn at random (default: all)" };
        var scoreItems = new Option<int?>("--score-items") { Description = "Price only the first N validation and N test items (default: all)" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var json = GlobalOptions.Json();
        var command = new Command("train", "Fine-tune MiniLM (LoRA and a price head) or a Llama (LoRA/QLoRA on the course prompt), store its guesses as a run and save the adapter")
        {
            baseModel, dataset, rank, alpha, dropout, targets, layers, epochs, lr, headLr, rawPriceWeight, meanCalibration, schedule, batch, maxTokens, nf4, maxItems, scoreItems, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(baseModel)!;
            var isMiniLm = string.Equals(chosen, MiniLmBase, StringComparison.OrdinalIgnoreCase);
            if (!isMiniLm && !LlamaFolder.IsLlamaFolder(chosen))
                return CliExit.Failure($"--base {chosen}: neither 'minilm' nor a Llama folder (a Hugging Face folder whose config.json says model_type llama).");
            if (isMiniLm && parse.GetValue(nf4)) return CliExit.Failure("--nf4 applies to Llama bases only.");
            if (!isMiniLm && (parse.GetValue(layers) != null || parse.GetValue(headLr) != null || parse.GetValue(rawPriceWeight) != 0 || parse.GetValue(meanCalibration) || parse.GetValue(schedule) != LoraSchedule.Linear))
                return CliExit.Failure("--layers, --head-lr, --raw-price-weight, --mean-calibration and --schedule apply to the MiniLM base only.");
            int[]? layerList;
            try
            {
                layerList = parse.GetValue(layers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            }
            catch (FormatException)
            {
                return CliExit.Failure($"--layers {parse.GetValue(layers)}: give layer numbers separated by commas, e.g. 4,5.");
            }
            var targetList = parse.GetValue(targets)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            LoraFineTuneOptions? miniLmOptions = null;
            LlamaFineTuneOptions? llamaOptions = null;
            try
            {
                if (isMiniLm)
                {
                    miniLmOptions = new LoraFineTuneOptions
                    {
                        Rank = parse.GetValue(rank),
                        Alpha = parse.GetValue(alpha),
                        Dropout = parse.GetValue(dropout),
                        Targets = targetList ?? ["query", "value"],
                        LayersToTransform = layerList,
                        Epochs = parse.GetValue(epochs),
                        LearningRate = parse.GetValue(lr) ?? 1e-3,
                        HeadLearningRate = parse.GetValue(headLr),
                        RawPriceLossWeight = parse.GetValue(rawPriceWeight),
                        MeanCalibration = parse.GetValue(meanCalibration),
                        Schedule = parse.GetValue(schedule),
                        BatchSize = parse.GetValue(batch) ?? 16,
                        MaxTokens = parse.GetValue(maxTokens) ?? 128,
                        MaxItems = parse.GetValue(maxItems),
                        Seed = parse.GetValue(seed),
                    };
                    miniLmOptions.Validate();
                    if (layerList?.FirstOrDefault(l => l >= MiniLmLayers, -1) is >= 0 and var tooHigh)
                        throw new ArgumentException($"--layers: all-MiniLM-L6-v2 has layers 0 to {MiniLmLayers - 1} (got {tooHigh}).");
                    if (miniLmOptions.Targets.Except(KnownTargets).FirstOrDefault() is { } unknown)
                        throw new ArgumentException($"Unknown target '{unknown}': choose among {string.Join(", ", KnownTargets)}.");
                }
                else
                {
                    llamaOptions = new LlamaFineTuneOptions
                    {
                        Rank = parse.GetValue(rank),
                        Alpha = parse.GetValue(alpha),
                        Dropout = parse.GetValue(dropout),
                        Targets = targetList ?? LlamaFineTuneOptions.AttentionTargets,
                        Epochs = parse.GetValue(epochs),
                        LearningRate = parse.GetValue(lr) ?? 1e-4,
                        BatchSize = parse.GetValue(batch) ?? 4,
                        MaxTextTokens = parse.GetValue(maxTokens) ?? 160,
                        MaxItems = parse.GetValue(maxItems),
                        Seed = parse.GetValue(seed),
                    };
                    llamaOptions.Validate();
                }
            }
            catch (ArgumentException e)
            {
                return CliExit.Failure(e.Message);
            }

            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var runner = services.GetRequiredService<LoraRunner>();
            var progress = new Progress<string>(Console.Error.WriteLine);
            LoraRunResult result;
            try
            {
                result = miniLmOptions != null
                    ? await runner.TrainAsync(parse.GetValue(dataset)!, miniLmOptions, parse.GetValue(scoreItems), Environment.UserName, progress, cancellationToken)
                    : await runner.TrainLlamaAsync(parse.GetValue(dataset)!, chosen, llamaOptions!, parse.GetValue(nf4), parse.GetValue(scoreItems), Environment.UserName, progress, cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or LlamaFormatException)
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
        var baseModel = new Option<string?>("--base") { Description = "Llama adapters: the Llama folder (default: the adapter's base_model_name_or_path)" };
        var nf4 = new Option<bool>("--nf4") { Description = "Llama adapters: hold the base's decoder weights as NF4" };
        var scoreItems = new Option<int?>("--score-items") { Description = "Price only the first N validation and N test items (default: all)" };
        var json = GlobalOptions.Json();
        var command = new Command("eval", "Price a data set with a saved adapter and store the guesses as a run") { adapter, dataset, baseModel, nf4, scoreItems, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var adapterPath = parse.GetValue(adapter)!;
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var runner = services.GetRequiredService<LoraRunner>();
            var progress = new Progress<string>(Console.Error.WriteLine);
            LoraRunResult result;
            try
            {
                result = File.Exists(Path.Combine(adapterPath, LlamaPricer.SettingsFileName))
                    ? await runner.EvaluateLlamaAsync(
                        parse.GetValue(dataset)!, LlamaBase(parse.GetValue(baseModel), adapterPath), adapterPath, parse.GetValue(nf4), parse.GetValue(scoreItems), Environment.UserName, progress, cancellationToken)
                    : await runner.EvaluateAsync(parse.GetValue(dataset)!, adapterPath, parse.GetValue(scoreItems), Environment.UserName, progress, cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or LoraFormatException or LlamaFormatException)
            {
                return CliExit.Failure(e.Message);
            }
            return await ReportAsync(services, result, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    /// <summary>The Llama folder an adapter sits over: the one given, else the one its adapter_config.json names.</summary>
    private static string LlamaBase(string? given, string adapterPath) =>
        given ?? PeftAdapterFormat.ReadConfig(Path.Combine(adapterPath, PeftAdapterFormat.ConfigFileName)).BaseModelNameOrPath
        ?? throw new LoraFormatException($"{adapterPath}: the adapter names no base model; pass --base with the Llama folder.");

    private static Command Merge()
    {
        var adapter = new Option<string>("--adapter") { Description = "A saved adapter folder (from lora train)", Required = true };
        var output = new Option<string>("--out") { Description = "Safetensors file for the merged weights", Required = true };
        var baseModel = new Option<string?>("--base") { Description = "Llama adapters: the Llama folder (default: the adapter's base_model_name_or_path)" };
        var json = GlobalOptions.Json();
        var command = new Command("merge", "Write the base (MiniLM or a Llama) with an adapter merged into its weights (Hugging Face key names)") { adapter, output, baseModel, json };
        command.SetAction(parse =>
        {
            var adapterPath = parse.GetValue(adapter)!;
            var outputPath = parse.GetValue(output)!;
            try
            {
                var layers = File.Exists(Path.Combine(adapterPath, LlamaPricer.SettingsFileName))
                    ? AdapterMerge.Llama(LlamaBase(parse.GetValue(baseModel), adapterPath), adapterPath, outputPath)
                    : AdapterMerge.MiniLm(adapterPath, outputPath);
                Console.WriteLine($"merged {layers} layers into {outputPath}");
                if (parse.GetValue(json)) JsonOutput.Write(new { merged = Path.GetFullPath(outputPath), layers });
                return 0;
            }
            catch (Exception e) when (e is LoraFormatException or LlamaFormatException or IOException or UnauthorizedAccessException)
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
