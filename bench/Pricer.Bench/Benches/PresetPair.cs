using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Training;

namespace Pricer.Bench.Benches;

/// <summary>The seed and best presets trained on the same items from the same random seeds and scored by the app's evaluator.</summary>
internal sealed class PresetPair(
    TrainingSettings seedSettings, TrainingSet seedTrain, TrainingSet seedHeldOut,
    TrainingSettings bestSettings, TrainingSet bestTrain, TrainingSet bestHeldOut,
    IReadOnlyList<Item> validation, IReadOnlyList<Item> test)
{
    public static IReadOnlyList<int> Seeds { get; } = [42, 7, 1, 2, 3];

    public static IReadOnlyList<ReportDefinition> Reports { get; } = [ReportDefinition.Validation, ReportDefinition.Course2024];

    public TrainedNetwork TrainSeedPreset(int seed) => Train(seedSettings with { Seed = seed }, seedTrain, seedHeldOut);

    public TrainedNetwork TrainBestPreset(int seed) => Train(bestSettings with { Seed = seed }, bestTrain, bestHeldOut);

    public PriceMetrics Score(TrainedNetwork network, ReportDefinition report)
    {
        var items = report.Split == Split.Validation ? validation : test;
        var guesses = new PriceNetworkPredictor(network).PriceAll(items);
        var byId = items.Select((item, i) => (item.Id, Guess: guesses[i])).ToDictionary(g => g.Id, g => g.Guess);
        return Evaluator.Evaluate(report, "bench", items, byId).Metrics;
    }

    /// <summary>Mean error per report key, seed preset and best preset, over one pair of runs per seed.</summary>
    public Dictionary<string, (double Seed, double Best)> MeanErrors(IReadOnlyList<int> seeds)
    {
        var sums = Reports.ToDictionary(r => r.Key, _ => (Seed: 0.0, Best: 0.0));
        foreach (var seed in seeds)
        {
            using var seedNetwork = TrainSeedPreset(seed);
            using var bestNetwork = TrainBestPreset(seed);
            foreach (var report in Reports)
            {
                var (seedSum, bestSum) = sums[report.Key];
                sums[report.Key] = (seedSum + Score(seedNetwork, report).Error, bestSum + Score(bestNetwork, report).Error);
            }
        }
        return sums.ToDictionary(s => s.Key, s => (s.Value.Seed / seeds.Count, s.Value.Best / seeds.Count));
    }

    private static TrainedNetwork Train(TrainingSettings settings, TrainingSet train, TrainingSet heldOut) =>
        new PriceNetworkTrainer(settings).Train(train, heldOut, null, null, CancellationToken.None).Network;
}
