using Pricer.Core.Training;

namespace Pricer.Core.Tests.Training;

public class TrainingSettingsTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("best")]
    public void Presets_round_trip_through_json(string name)
    {
        var preset = TrainingPresets.Find(name);
        var json = preset.ToJson();
        Assert.Equal(preset, TrainingSettings.FromJson(json));
        Assert.Null(preset.Problem());
    }

    [Fact]
    public void Seed_preset_is_the_courses_settings()
    {
        var seed = TrainingPresets.Seed;
        Assert.Equal([128, 64, 64, 64, 64, 64, 64], seed.Network.HiddenSizes);
        Assert.Equal((LossKind.Mse, TargetKind.Raw, OptimizerKind.Adam, 1e-3, 64), (seed.Loss, seed.Target, seed.Optimizer, seed.LearningRate, seed.BatchSize));
        Assert.Contains("\"optimizer\":\"Adam\"", seed.ToJson());
    }

    [Theory]
    [InlineData("{\"learningRate\":0}", "learning rate")]
    [InlineData("{\"batchSize\":0}", "batch size")]
    [InlineData("{\"network\":{\"hiddenSizes\":[8,4],\"residual\":true}}", "equal hidden sizes")]
    [InlineData("{\"validationFraction\":1.5}", "validation fraction")]
    public void Bad_settings_say_what_is_wrong(string json, string expected)
    {
        var settings = TrainingSettings.FromJson(json);
        Assert.Contains(expected, settings.Problem());
        Assert.Throws<ArgumentException>(() => new PriceNetworkTrainer(settings));
    }

    [Fact]
    public void Unknown_presets_list_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPresets.Find("fastest"));
        Assert.Contains("seed, best", error.Message);
    }
}
