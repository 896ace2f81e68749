using System.Diagnostics;
using System.Text.Json;
using Pricer.Core.Pricers.Baselines;
using Pricer.Testing;
using Xunit.Abstractions;

namespace Pricer.Core.Tests.Pricers;

/// <summary>The baselines trained on the course's 7,948 training items and judged on the first 250 test items.</summary>
public class CourseBaselineTests(ITestOutputHelper output)
{
    /// <summary>The course's 2024 errors on these 250 items, from models trained on ~400,000 items.</summary>
    private static readonly Dictionary<string, double> Published = new()
    {
        ["random"] = 340.74, ["constant"] = 145.51, ["features-lr"] = 139.34, ["bow-lr"] = 113.60, ["random-forest"] = 97.11,
    };

    [SkippableFact]
    public void Learned_baselines_beat_the_constant_and_random_on_the_first_250_test_items()
    {
        SharedData.Require();
        var train = CourseData.Train;
        var test = CourseData.Test.Take(250).ToArray();

        var errors = new Dictionary<string, double>();
        foreach (var trainer in BaselineCatalog.All)
        {
            var clock = Stopwatch.StartNew();
            var pricer = trainer.Train(train, new BaselineOptions());
            var trained = clock.Elapsed;
            var guesses = pricer.PriceAll(test);
            errors[trainer.Name] = MeanAbsoluteError.Of(test, guesses);
            Assert.All(guesses, guess => Assert.True(double.IsFinite(guess) && guess >= 0));
            output.WriteLine($"{trainer.Name,-18} error {errors[trainer.Name],7:F2}  course {(Published.TryGetValue(trainer.Name, out var p) ? p.ToString("F2") : "-"),7}"
                + $"  train {trained.TotalSeconds:F1} s  predict 250 {(clock.Elapsed - trained).TotalMilliseconds:F0} ms");
        }

        Assert.InRange(train.Average(item => item.Price), 70, 80);
        Assert.InRange(errors["random"], 250, 450);
        foreach (var learned in new[] { "features-lr", "bow-lr", "random-forest", "gradient-boosting" })
        {
            Assert.True(errors[learned] < errors["constant"], $"{learned} {errors[learned]:F2} does not beat the constant {errors["constant"]:F2}");
            Assert.True(errors[learned] < errors["random"], $"{learned} {errors[learned]:F2} does not beat random {errors["random"]:F2}");
        }
    }

    /// <summary>One item says "0 ounces", which counts as missing by design.</summary>
    [SkippableFact]
    public void Every_nonzero_item_weight_in_the_course_data_is_read()
    {
        SharedData.Require();
        var items = CourseData.Train.Concat(CourseData.Test).ToArray();

        var written = items.Where(item => HasWeightText(item.Details)).ToArray();
        var unread = written.Where(item => ItemFeatures.From(item).WeightPounds is null).Select(item => item.Id).ToArray();

        Assert.True(written.Length > 4000, $"only {written.Length} items have an Item Weight");
        Assert.Empty(unread);
    }

    private static bool HasWeightText(string details)
    {
        if (details.Length == 0) return false;
        using var document = JsonDocument.Parse(details);
        return document.RootElement.TryGetProperty("Item Weight", out var weight) && weight.ValueKind == JsonValueKind.String
            && !weight.GetString()!.StartsWith("0 ", StringComparison.Ordinal);
    }
}
