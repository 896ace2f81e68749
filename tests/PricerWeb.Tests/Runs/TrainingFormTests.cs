using Pricer.Core.Training;
using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Runs;

public class TrainingFormTests
{
    [Fact]
    public void The_seed_preset_builds_the_seed_settings_and_edits_keep_what_the_form_does_not_show()
    {
        var form = new TrainingForm { Dataset = "items" };
        Assert.Equal(TrainingPresets.Seed, form.Build().Settings);

        form.Load(TrainingPresets.Best);
        form.Epochs = 3;
        form.HiddenSizes = " 32, 16 ";
        var (settings, problem) = form.Build();

        Assert.Null(problem);
        Assert.Equal(3, settings!.Epochs);
        Assert.Equal([32, 16], settings.Network.HiddenSizes);
        Assert.Equal(TrainingPresets.Best.Network.InputSize, settings.Network.InputSize);
        Assert.NotEqual(TrainingPresets.Seed.Network.InputSize, settings.Network.InputSize);
    }

    [Theory]
    [InlineData("128,x", "Hidden sizes must be whole numbers")]
    [InlineData("", "Hidden sizes must be whole numbers")]
    [InlineData("-5", "Hidden sizes must be whole numbers")]
    [InlineData("0", "Hidden sizes must be between 1 and 65,536.")]
    public void Bad_hidden_sizes_are_refused_with_a_reason(string sizes, string reason)
    {
        var form = new TrainingForm { Dataset = "items", HiddenSizes = sizes };

        var (settings, problem) = form.Build();

        Assert.Null(settings);
        Assert.StartsWith(reason, problem);
    }

    [Fact]
    public void Settings_that_cannot_train_and_missing_or_oversized_fields_are_refused()
    {
        Assert.Equal("Choose a data set to train on.", new TrainingForm().Build().Problem);
        Assert.Equal("Epochs must be between 1 and 10,000.", new TrainingForm { Dataset = "items", Epochs = 0 }.Build().Problem);
        Assert.Equal("The learning rate must be above 0 and at most 10.", new TrainingForm { Dataset = "items", LearningRate = double.NaN }.Build().Problem);
        Assert.StartsWith("The name can be at most", new TrainingForm { Dataset = "items", Name = new string('n', 201) }.Build().Problem);
    }
}
