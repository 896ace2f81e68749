using Microsoft.VisualBasic.FileIO;
using Pricer.Core.Evaluation;
using Pricer.Core.Items;
using Pricer.Testing;

namespace Pricer.Core.Tests.Evaluation;

/// <summary>
/// The evaluator on the course's real items. Expected numbers come from numpy 1.24 / sklearn 1.2.1, run once:
/// <code>
/// load = lambda s: [json.loads(l) for l in gzip.open(f'../shared/data/items/{s}.jsonl.gz', 'rt')]
/// train_mean = np.mean([i['price'] for i in load('train')])
/// for name, split, n in [('course2024', 'test', 250), ('course2025', 'test', 200), ('test', 'test', None), ('validation', 'validation', None)]:
///     t = np.array([i['price'] for i in load(split)][:n]); g = np.full(len(t), train_mean); e = np.abs(g - t)
///     print(name, e.mean(), np.sqrt(np.mean((np.log(t + 1) - np.log(g + 1)) ** 2)), 100 * ((e &lt; 40) | (e / t &lt; 0.2)).mean(),
///           mean_squared_error(t, g), r2_score(t, g), np.median(e), 1.96 * e.std() / np.sqrt(len(t)))
/// </code>
/// </summary>
public class EvaluatorOnCourseDataTests
{
    private const int Digits = 9;

    [SkippableTheory]
    [InlineData("course2024", 250, 163.4756969401107, 1.2708291628155848, 22.4, 56913.6906538569, -0.5662291725602524, 95.85564796175137, 21.53838895817992)]
    [InlineData("course2025", 200, 157.69186102164065, 1.2492404891707047, 24.0, 53358.95937636135, -0.5370264613920226, 94.58064796175138, 23.393992299167216)]
    [InlineData("test", 2000, 162.67353656265726, 1.2423030400111417, 22.2, 55579.47733216984, -0.6247766260176146, 98.53564796175138, 7.478472122048285)]
    [InlineData("validation", 1000, 78.01238249874181, 1.9827073195167484, 19.3, 14950.33366871379, -0.0030693866056068497, 63.525, 5.83553649033186)]
    public void Constant_training_mean_matches_sklearn(
        string key, int count, double error, double rmsle, double hits, double mse, double r2, double median, double ci)
    {
        SharedData.Require();
        ReportDefinition.TryFind(key, out var report);
        var trainingMean = CourseItemsFile.Read(Split.Train).Average(i => i.Price);
        var items = CourseItemsFile.Read(report!.Split);

        var result = Evaluator.Evaluate(report, "Constant", items, items.ToDictionary(i => i.Id, _ => trainingMean));

        var m = result.Metrics;
        Assert.Equal(75.46435203824862, trainingMean, Digits);
        Assert.Equal(count, m.Count);
        Assert.True(result.IsComplete);
        Assert.Equal(error, m.Error, Digits);
        Assert.Equal(rmsle, m.Rmsle, Digits);
        Assert.Equal(hits, m.HitsPercent, Digits);
        Assert.Equal(mse, m.Mse, 6);
        Assert.Equal(r2, m.R2, Digits);
        Assert.Equal(median, m.MedianError, Digits);
        Assert.Equal(ci, m.ErrorCi95, Digits);
    }

    [SkippableTheory]
    [InlineData("course2024", 250)]
    [InlineData("course2025", 200)]
    [InlineData("test", 2000)]
    [InlineData("validation", 1000)]
    public void A_perfect_pricer_scores_full_marks(string key, int count)
    {
        SharedData.Require();
        ReportDefinition.TryFind(key, out var report);
        var items = CourseItemsFile.Read(report!.Split);

        var result = Evaluator.Evaluate(report, "Oracle", items, items.ToDictionary(i => i.Id, i => i.Price));

        Assert.Equal(new PriceMetrics(count, 0, 0, 100, 0, 1, 0, 0), result.Metrics);
        Assert.Equal("Oracle Error=$0.00 RMSLE=0.00 Hits=100.0%", result.ScatterTitle);
    }

    [SkippableFact]
    public void Course2024_scores_the_items_of_the_course_human_sheet_in_its_order()
    {
        SharedData.Require();
        var items = CourseItemsFile.Read(Split.Test);
        var byId = items.ToDictionary(i => i.Id);
        var prompts = ReadHumanSheetPrompts();

        var result = Evaluator.Evaluate(ReportDefinition.Course2024, "Any", items, items.ToDictionary(i => i.Id, _ => 100.0));

        Assert.Equal(250, prompts.Count);
        Assert.Equal(prompts.Count, result.Items.Count);
        for (var i = 0; i < prompts.Count; i++)
            Assert.Contains(byId[result.Items[i].ItemId].Text, prompts[i], StringComparison.Ordinal);
    }

    private static List<string> ReadHumanSheetPrompts()
    {
        using var csv = new TextFieldParser(SharedData.HumanInputCsv) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var prompts = new List<string>();
        while (csv.ReadFields() is { } fields) prompts.Add(fields[0]);
        return prompts;
    }
}
