using Pricer.Core.Tests.Pricers;
using Pricer.Core.Text;
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

    [Fact]
    public void Best_preset_trains_like_the_seed_over_more_hashed_features()
    {
        var best = TrainingPresets.Best;
        Assert.Equal(32_768, best.Network.InputSize);
        Assert.Equal(TrainingPresets.Seed, best with { Network = best.Network with { InputSize = TrainingPresets.Seed.Network.InputSize } });
    }

    [Fact]
    public void A_best_preset_network_prices_items_through_features_of_its_own_width()
    {
        var items = BaselineFixture.Train.Concat(BaselineFixture.Test).ToList();
        var settings = TrainingPresets.Best with { Epochs = 1, Device = DeviceChoice.Cpu };
        var set = TrainingSet.FromItems(new HashingVectorizer(settings.Network.InputSize), items);

        using var predictor = new PriceNetworkPredictor(new PriceNetworkTrainer(settings).Train(set, null, null, null, CancellationToken.None).Network);
        var guesses = predictor.PriceAll(items);

        Assert.Equal(items.Count, guesses.Count);
        Assert.All(guesses, g => Assert.True(double.IsFinite(g) && g >= 0));
        Assert.Throws<ArgumentException>(() => new PriceNetworkTrainer(settings).Train(TrainingItems.FixtureSet(), null, null, null, CancellationToken.None));
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
