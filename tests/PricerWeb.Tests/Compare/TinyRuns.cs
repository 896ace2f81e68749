using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;

namespace PricerWeb.Tests.Compare;

/// <summary>
/// A four-item test split with runs whose numbers are worked out by hand in the tests:
/// alpha guesses every test item, beta three of four, gamma only the validation item; "other" is a second data set.
/// </summary>
internal sealed record TinyRuns(PricerRun Alpha, PricerRun Beta, PricerRun Gamma, PricerRun Elsewhere)
{
    public const string Dataset = "tiny";

    public static readonly double[] Truths = [100, 200, 50, 400];

    /// <summary>alpha: errors 10, 50, 0, 100 (green, orange, green, orange).</summary>
    public static readonly double[] AlphaGuesses = [110, 150, 50, 300];

    public static async Task<TinyRuns> SeedAsync(RunSeeder seed)
    {
        await seed.DatasetAsync(Dataset,
            TestItem.Test("t0", 100, "Automotive", "Brake pads, front"),
            TestItem.Test("t1", 200, "Automotive", "Roof rack"),
            TestItem.Test("t2", 50, "Electronics", "USB cable"),
            TestItem.Test("t3", 400, "", "Mystery box"),
            new TestItem("v0", Split.Validation, 80),
            new TestItem("r0", Split.Train, 10));
        await seed.DatasetAsync("other", TestItem.Test("o0", 30));

        var alpha = await seed.RunAsync(Dataset, "alpha", new Dictionary<string, double> { ["t0"] = 110, ["t1"] = 150, ["t2"] = 50, ["t3"] = 300, ["v0"] = 1 },
            RunKind.Baseline, startedBy: "ann", costUsd: 0, seconds: 3);
        var beta = await seed.RunAsync(Dataset, "Beta GPT", new Dictionary<string, double> { ["t0"] = 100, ["t1"] = 260, ["t3"] = 400 },
            RunKind.Llm, startedBy: "bob", costUsd: 0.25, seconds: 90);
        var gamma = await seed.RunAsync(Dataset, "gamma", new Dictionary<string, double> { ["v0"] = 80 }, RunKind.Human, startedBy: "cy");
        var elsewhere = await seed.RunAsync("other", "alpha elsewhere", new Dictionary<string, double> { ["o0"] = 30 });
        return new TinyRuns(alpha, beta, gamma, elsewhere);
    }
}
