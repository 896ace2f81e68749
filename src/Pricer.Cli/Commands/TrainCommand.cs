using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Core.Training;
using Pricer.Data.Runs;
using Pricer.Data.Training;

namespace Pricer.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set to train on (its train split); validation and test items are priced and stored", Required = true };
        var preset = new Option<string>("--preset") { Description = "Starting settings: " + string.Join(" | ", TrainingPresets.Names), DefaultValueFactory = _ => "seed" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (overrides the preset)" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Batch size" };
        var learningRate = new Option<double?>("--lr") { Description = "Learning rate" };
        var optimizer = new Option<OptimizerKind?>("--optimizer") { Description = "sgd | adam | adamw" };
        var target = new Option<TargetKind?>("--target") { Description = "raw | log (standardised log1p)" };
        var dense = new Option<bool>("--dense") { Description = "Feed the first layer dense rows, as the seed does" };
        var device = new Option<DeviceChoice?>("--device") { Description = "auto | cpu | cuda" };
        var name = new Option<string?>("--name") { Description = "Run name (default: \"Neural network (PRESET)\")" };
        var server = new Option<string?>("--server") { Description = $"PricerWeb address to publish progress to, live (key from {HubRunPublisher.KeyVariable}); the run is stored here too" };
        var json = GlobalOptions.Json();
        var command = new Command("train", "Train the price network, store it as a run and print its course2024 metrics")
        {
            dataset, preset, epochs, batchSize, learningRate, optimizer, target, dense, device, name, server, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TrainingSettings settings;
            try
            {
                var chosen = TrainingPresets.Find(parse.GetValue(preset)!);
                settings = chosen with
                {
                    Epochs = parse.GetValue(epochs) ?? chosen.Epochs,
                    BatchSize = parse.GetValue(batchSize) ?? chosen.BatchSize,
                    LearningRate = parse.GetValue(learningRate) ?? chosen.LearningRate,
                    Optimizer = parse.GetValue(optimizer) ?? chosen.Optimizer,
                    Target = parse.GetValue(target) ?? chosen.Target,
                    Device = parse.GetValue(device) ?? chosen.Device,
                    Network = chosen.Network with { Dense = parse.GetValue(dense) || chosen.Network.Dense },
                };
                settings.Validated();
            }
            catch (ArgumentException e)
            {
                return CliExit.Failure(e.Message);
            }

            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var request = new NetworkRunRequest
            {
                Dataset = parse.GetValue(dataset)!,
                Settings = settings,
                Name = parse.GetValue(name) ?? $"{NetworkRunner.DefaultName} ({parse.GetValue(preset)!.Trim().ToLowerInvariant()})",
            };
            HubRunPublisher? publisher = null;
            if (parse.GetValue(server) is { } serverText)
            {
                if (!Uri.TryCreate(serverText, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                    return CliExit.Failure($"--server must be an http or https address, like http://gpu-box:5000/; '{serverText}' is not.");
                try
                {
                    publisher = await HubRunPublisher.StartAsync(address, new RemoteRunRequest(request.Dataset, request.Name ?? NetworkRunner.DefaultName, RunKind.NeuralNetwork,
                        settings.ToJson(), request.StartedBy, CodeVersion.Current), cancellationToken);
                }
                catch (InvalidOperationException e)
                {
                    return CliExit.Failure(e.Message);
                }
                Console.Error.WriteLine($"publishing to {address} as run {publisher.RunId}");
            }
            await using var published = publisher;
            NetworkRunResult trained;
            try
            {
                trained = await services.GetRequiredService<NetworkRunner>().RunAsync(request,
                    new CombinedProgress<TrainingProgress>(new ConsoleTrainingProgress(Console.Error), publisher), cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or TrainingFailedException or OperationCanceledException)
            {
                if (publisher is not null)
                    await publisher.FinishAsync(e is OperationCanceledException ? RunStatus.Cancelled : RunStatus.Failed, e.Message, null);
                if (e is OperationCanceledException) throw;
                return CliExit.Failure(e.Message);
            }
            if (publisher is not null) await publisher.FinishAsync(RunStatus.Succeeded, null, $"Stored here as run {trained.Run.Id}.");

            using (trained)
            {
                var result = await services.GetRequiredService<RunEvaluator>().EvaluateAsync(trained.Run.Id, ReportDefinition.Course2024, cancellationToken);
                var m = result.Metrics;
                var training = trained.Training;
                Console.WriteLine($"run {trained.Run.Id} \"{trained.Run.Name}\": {result.ScatterTitle}  ({training.EpochsTrained} epochs, validation loss {training.ValidationLoss:G5}, {training.SamplesPerSecond:N0} samples/s on {training.Device})");
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(new
                    {
                        run = trained.Run.Id, epochs = training.EpochsTrained, train_loss = training.TrainLoss, val_loss = training.ValidationLoss,
                        samples_per_sec = Math.Round(training.SamplesPerSecond), peak_memory_mb = Math.Round(training.PeakMemoryBytes / 1048576.0, 1),
                        device = training.Device, report = ReportDefinition.Course2024.Key, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent,
                    });
                }
            }
            return 0;
        });
        return command;
    }
}
