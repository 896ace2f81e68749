using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Tests.Compare;

/// <summary>Runs scored in memory by the one evaluator, for tests of what is built from evaluation results.</summary>
internal static class Evaluated
{
    /// <summary>Test items with these prices (ids i0, i1, ...; titles "Item i0"...) and a run guessing the non-null entries.</summary>
    public static ComparedRun Run(int id, string name, double[] truths, double?[] guesses, string[]? categories = null)
    {
        var items = truths.Select((price, i) => new Item($"i{i}", Split.Test, $"Item i{i}", categories?[i] ?? "Toys_and_Games", price, "text", "", null, "test")).ToList();
        var byId = guesses.Select((g, i) => (g, i)).Where(p => p.g is not null).ToDictionary(p => $"i{p.i}", p => p.g!.Value);
        var run = new PricerRun { Id = id, Name = name, Kind = RunKind.Baseline, StartedBy = "test", CodeVersion = "test" };
        return new ComparedRun(run, Evaluator.Evaluate(ReportDefinition.Test, name, items, byId));
    }
}
