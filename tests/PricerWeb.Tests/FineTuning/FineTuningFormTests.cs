using PricerWeb.Features.FineTuning;

namespace PricerWeb.Tests.FineTuning;

public class FineTuningFormTests
{
    [Fact]
    public void The_defaults_build_a_query_value_adapter_in_the_bases_module_order()
    {
        var form = new FineTuningForm { Dataset = "sample", Targets = ["intermediate.dense", "value", "query"] };

        var (settings, problems) = form.Build();

        Assert.Empty(problems);
        Assert.Equal("minilm", settings!.Base);
        Assert.Equal(["query", "value", "intermediate.dense"], settings.Training!.Targets);
        Assert.Equal((8, 16.0, 2_000, 250), (settings.Training.Rank, settings.Training.Alpha, settings.Training.MaxItems!.Value, settings.ScoreItems!.Value));
    }

    [Fact]
    public void Absurd_values_are_each_refused_with_a_message_that_names_them()
    {
        var form = new FineTuningForm
        {
            Dataset = " ",
            Rank = 100_000,
            Alpha = 5000,
            Dropout = 1,
            LearningRate = 5,
            Epochs = 0,
            BatchSize = -1,
            MaxItems = 1,
            ScoreItems = 0,
            Targets = ["q_proj"],
            Name = new string('x', 201),
        };

        var (settings, problems) = form.Build();

        Assert.Null(settings);
        Assert.Equal(
        [
            "Choose a data set to train on.",
            "The name can be at most 200 characters.",
            "r must be a whole number from 1 to 256 (got 100000).",
            "Alpha must be above 0 and at most 1024 (got 5000).",
            "Dropout must be at least 0 and below 1 (got 1).",
            "'q_proj' is not a module of minilm; choose among query, key, value, attention.output.dense, intermediate.dense, output.dense.",
            "Epochs must be from 1 to 100 (got 0).",
            "The learning rate must be above 0 and at most 0.1 (got 5).",
            "The batch size must be from 1 to 1024 (got -1).",
            "Train on at least 2 items, or leave max items empty for all (got 1).",
            "Price at least 1 item, or leave it empty for all (got 0).",
        ], problems);
    }

    [Fact]
    public void No_targets_or_an_unknown_base_are_refused()
    {
        Assert.Contains("Pick at least one target module.", new FineTuningForm { Dataset = "d", Targets = [] }.Build().Problems);
        Assert.Contains("Choose a base model among minilm.", new FineTuningForm { Dataset = "d", Base = "../llama" }.Build().Problems);
    }
}
