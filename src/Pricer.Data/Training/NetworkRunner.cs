using System.Diagnostics;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Text;
using Pricer.Core.Training;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace Pricer.Data.Training;

/// <summary>
/// Trains a price network on a data set's training split and stores it as a run with its validation and test
/// predictions. Checkpoints go to {data}/checkpoints/run-{id} (so calling again with the same run id resumes)
/// and the model to {data}/models/run-{id}. UI-free: callers watch through IProgress and stop with the token.
/// </summary>
public sealed class NetworkRunner(SplitItems splits, RunStore runs, IOptions<StorageOptions> storage, TimeProvider clock)
{
    public const string DefaultName = "Neural network";

    public string ModelFolder(int runId) => Path.Combine(storage.Value.DataDirectory, "models", $"run-{runId}");

    public string CheckpointFolder(int runId) => Path.Combine(storage.Value.DataDirectory, "checkpoints", $"run-{runId}");

    public async Task<NetworkRunResult> RunAsync(NetworkRunRequest request, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = request.Settings.Validated();
        var dataset = await splits.DatasetAsync(request.Dataset, cancellationToken);
        var train = await splits.LoadAsync(dataset.Id, Split.Train, cancellationToken);
        if (train.Count == 0) throw new InvalidOperationException($"Data set '{request.Dataset}' has no training items.");
        var validation = await splits.LoadAsync(dataset.Id, Split.Validation, cancellationToken);
        var test = await splits.LoadAsync(dataset.Id, Split.Test, cancellationToken);
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();

        var checkpoints = request.RunId is { } id ? CheckpointFolder(id) : NewCheckpointFolder();
        var trainer = new PriceNetworkTrainer(settings);
        var result = await Task.Run(() =>
        {
            var vectorizer = new HashingVectorizer(settings.Network.InputSize);
            var trainSet = TrainingSet.FromItems(vectorizer, train.Select(i => i.Item).ToList());
            var validationSet = settings.ValidateOnValidationSplit && validation.Count > 0
                ? TrainingSet.FromItems(vectorizer, validation.Select(i => i.Item).ToList())
                : null;
            return trainer.Train(trainSet, validationSet, checkpoints, progress, cancellationToken);
        }, cancellationToken);

        var pricer = new PriceNetworkPredictor(result.Network);
        var scored = validation.Concat(test).ToList();
        var predictWatch = Stopwatch.StartNew();
        var guesses = pricer.PriceAll(scored.Select(s => s.Item).ToList());
        var perItemMs = predictWatch.Elapsed.TotalMilliseconds / Math.Max(1, scored.Count);
        var predictions = scored.Select((s, i) => new Prediction { ItemId = s.RowId, Guess = guesses[i], LatencyMs = perItemMs }).ToList();

        PricerRun run;
        if (request.RunId is { } existing)
            run = await runs.CompleteAsync(existing, settings.ToJson(), predictions, cancellationToken);
        else
        {
            run = await runs.AddCompletedAsync(new PricerRun
            {
                DatasetId = dataset.Id,
                Kind = RunKind.NeuralNetwork,
                Name = request.Name ?? DefaultName,
                Configuration = settings.ToJson(),
                StartedBy = request.StartedBy,
                StartedAtUtc = started,
                FinishedAtUtc = started + watch.Elapsed,
                CodeVersion = CodeVersion.Current,
            }, predictions, cancellationToken);
            Directory.Move(checkpoints, CheckpointFolder(run.Id));
        }

        var modelFolder = ModelFolder(run.Id);
        result.Network.Save(modelFolder);
        result.Network.SavePyTorch(Path.Combine(modelFolder, TrainedNetwork.PyTorchFile));
        return new NetworkRunResult(run, result, modelFolder);
    }

    private string NewCheckpointFolder() =>
        Path.Combine(storage.Value.DataDirectory, "checkpoints", $"new-{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..40]);
}
