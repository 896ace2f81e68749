using Microsoft.Extensions.DependencyInjection;
using Pricer.Bench.Measurement;
using Pricer.Bench.Synthetic;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;

namespace Pricer.Bench.Benches;

/// <summary>
/// The evaluator on 10,000 predictions, and the leaderboard and comparison queries for 5 runs on 2,000
/// SYNTHETIC test items, through the services the comparison page calls.
/// </summary>
internal static class CompareBench
{
    public const string DatasetName = "synthetic-compare";
    private const int TestItems = 2_000;
    private const int EvaluatedPredictions = 10_000;
    private const int Runs = 5;
    private const int WarmUp = 3;
    private const int Samples = 20;
    private const double TargetMs = 1_000;

    public static async Task RunAsync(string workFolder, ResultTable results)
    {
        var source = Path.Combine(workFolder, DatasetName);
        if (!File.Exists(Path.Combine(source, "test.jsonl.gz")))
            new SyntheticItemWriter().WriteDataset(source, train: 1_000, validation: 500, test: TestItems);
        var databaseFolder = Path.Combine(workFolder, "db-compare");
        if (Directory.Exists(databaseFolder)) Directory.Delete(databaseFolder, recursive: true);
        await using var database = await BenchDatabase.OpenAsync(databaseFolder);
        await database.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest(DatasetName, source), null, CancellationToken.None);
        var runIds = await AddRunsAsync(database);

        var items = Enumerable.Range(0, EvaluatedPredictions)
            .Select(i => new Item($"e{i}", Split.Test, "SYNTHETIC", "", 1 + i % 997, "", "", null, SyntheticItemWriter.SourceLabel)).ToList();
        var guesses = items.ToDictionary(i => i.Id, i => i.Price * 1.2);
        var evaluate = new Latencies();
        for (var n = 0; n < WarmUp + Samples; n++)
        {
            if (n < WarmUp) Evaluator.Evaluate(ReportDefinition.Test, "bench", items, guesses);
            else await evaluate.TimeAsync(() => Task.FromResult(Evaluator.Evaluate(ReportDefinition.Test, "bench", items, guesses)));
        }

        var comparisons = database.Services.GetRequiredService<RunComparison>();
        var leaderboard = new Latencies();
        var comparison = new Latencies();
        for (var n = 0; n < WarmUp + Samples; n++)
        {
            if (n < WarmUp)
            {
                await LeaderboardAsync(comparisons);
                await CompareAsync(comparisons, runIds);
                continue;
            }
            await leaderboard.TimeAsync(() => LeaderboardAsync(comparisons));
            await comparison.TimeAsync(() => CompareAsync(comparisons, runIds));
        }

        results.Add("compare", $"evaluate {EvaluatedPredictions:N0} predictions: p50", evaluate.Percentile(50), "ms");
        results.Add("compare", "evaluate: p95", evaluate.Percentile(95), "ms", TargetMs);
        results.Add("compare", $"leaderboard, {Runs} runs x {TestItems:N0} items: p95", leaderboard.Percentile(95), "ms", TargetMs);
        results.Add("compare", $"comparison, {Runs} runs x {TestItems:N0} items: p50", comparison.Percentile(50), "ms");
        results.Add("compare", "comparison (query, scores, item by item): p95", comparison.Percentile(95), "ms", TargetMs);
    }

    private static Task<Leaderboard> LeaderboardAsync(RunComparison comparisons) =>
        comparisons.LeaderboardAsync(DatasetName, ReportDefinition.Test, CancellationToken.None);

    /// <summary>What the page shows of a comparison beyond the charts' data: every run's worst items and one disagreement table.</summary>
    private static async Task<Comparison> CompareAsync(RunComparison comparisons, IReadOnlyList<int> runIds)
    {
        var comparison = await comparisons.CompareAsync(DatasetName, ReportDefinition.Test, runIds, CancellationToken.None);
        for (var run = 0; run < comparison.Runs.Count; run++) comparison.Items.Worst(run, 10);
        comparison.Items.Disagreements(0, 1, 20);
        return comparison;
    }

    /// <summary>Runs that guess each validation and test price times a factor, with seeded noise.</summary>
    private static async Task<IReadOnlyList<int>> AddRunsAsync(BenchDatabase database)
    {
        var splits = database.Services.GetRequiredService<SplitItems>();
        var dataset = await splits.DatasetAsync(DatasetName, CancellationToken.None);
        var scored = (await splits.LoadAsync(dataset.Id, Split.Validation, CancellationToken.None))
            .Concat(await splits.LoadAsync(dataset.Id, Split.Test, CancellationToken.None)).ToList();
        var store = database.Services.GetRequiredService<RunStore>();
        var random = new Random(11);
        var ids = new List<int>();
        for (var r = 0; r < Runs; r++)
        {
            var factor = 0.6 + 0.2 * r;
            var run = new PricerRun { DatasetId = dataset.Id, Kind = RunKind.Baseline, Name = $"SYNTHETIC x{factor:0.0}", StartedBy = "bench", CodeVersion = CodeVersion.Current };
            var predictions = scored.Select(s => new Prediction { ItemId = s.RowId, Guess = s.Item.Price * factor * (0.8 + 0.4 * random.NextDouble()) }).ToList();
            ids.Add((await store.AddCompletedAsync(run, predictions, CancellationToken.None)).Id);
        }
        return ids;
    }
}
