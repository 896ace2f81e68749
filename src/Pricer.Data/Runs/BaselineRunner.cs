using System.Diagnostics;
using System.Text.Json;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Items;

namespace Pricer.Data.Runs;

/// <summary>Trains the course's baselines on a data set's training split and stores each as a run.</summary>
public sealed class BaselineRunner(SplitItems splits, RunStore runs, TimeProvider clock)
{
    /// <summary>Trains and stores every baseline in <paramref name="trainers"/>, predicting validation and test items.</summary>
    public async Task<IReadOnlyList<PricerRun>> RunAsync(
        string datasetName, IEnumerable<IBaselineTrainer> trainers, BaselineOptions options, string startedBy,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var train = (await splits.LoadAsync(dataset.Id, Split.Train, cancellationToken)).Select(i => i.Item).ToList();
        var scored = new List<(long RowId, Item Item)>();
        scored.AddRange(await splits.LoadAsync(dataset.Id, Split.Validation, cancellationToken));
        scored.AddRange(await splits.LoadAsync(dataset.Id, Split.Test, cancellationToken));
        if (train.Count == 0) throw new InvalidOperationException($"Data set '{datasetName}' has no training items.");

        var stored = new List<PricerRun>();
        foreach (var trainer in trainers)
        {
            progress?.Report($"training {trainer.Name} on {train.Count:N0} items");
            var started = clock.GetUtcNow().UtcDateTime;
            var watch = Stopwatch.StartNew();
            var pricer = trainer.Train(train, options, cancellationToken);
            var guesses = pricer.PriceAll(scored.Select(s => s.Item).ToList());
            var perItemMs = watch.Elapsed.TotalMilliseconds / Math.Max(1, scored.Count);
            var run = new PricerRun
            {
                DatasetId = dataset.Id,
                Kind = RunKind.Baseline,
                Name = trainer.Name,
                Configuration = JsonSerializer.Serialize(new { baseline = trainer.Name, trainer.Description, options }),
                StartedBy = startedBy,
                StartedAtUtc = started,
                FinishedAtUtc = started + watch.Elapsed,
                CodeVersion = CodeVersion.Current,
            };
            var predictions = scored.Select((s, i) => new Prediction { ItemId = s.RowId, Guess = guesses[i], LatencyMs = perItemMs }).ToList();
            stored.Add(await runs.AddCompletedAsync(run, predictions, cancellationToken));
        }
        return stored;
    }
}
