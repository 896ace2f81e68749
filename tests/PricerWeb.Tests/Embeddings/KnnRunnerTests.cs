using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Pricers.Knn;
using Pricer.Data.Runs.Knn;

namespace PricerWeb.Tests.Embeddings;

public class KnnRunnerTests(EmbeddedSample sample) : IClassFixture<EmbeddedSample>
{
    [Fact]
    public async Task Stores_a_run_pricing_every_validation_and_test_item_with_the_weighting_validation_chose()
    {
        var progress = new List<StageProgress>();

        var run = await sample.Get<KnnRunner>().RunAsync(sample.DatasetId, 2, "tester", new Reports<StageProgress>(progress.Add), CancellationToken.None);

        Assert.Equal((RunKind.Baseline, RunStatus.Succeeded, "kNN k=2 (all-MiniLM-L6-v2)"), (run.Kind, run.Status, run.Name));
        var configuration = KnnConfiguration.TryParse(run.Configuration);
        Assert.NotNull(configuration);
        Assert.Equal(2, configuration.K);
        Assert.NotNull(configuration.ValidationError);
        Assert.Equal(configuration.ValidationError.MinBy(e => e.Value).Key, configuration.Weighting);
        await using var db = sample.Database.NewContext();
        var predictions = await db.Predictions.Where(p => p.RunId == run.Id).Join(db.Items, p => p.ItemId, i => i.Id, (p, i) => new { i.Split, p.Guess }).ToListAsync();
        Assert.Equal(2, predictions.Count(p => p.Split == Split.Validation));
        Assert.Equal(3, predictions.Count(p => p.Split == Split.Test));
        // Every guess is a mix of training prices, so it lies within their range.
        Assert.All(predictions, p => Assert.InRange(p.Guess, 9.95, 89.99));
        Assert.Equal(1.0, progress[^1].Fraction);
    }

    [Fact]
    public async Task With_k_the_whole_training_set_the_mean_weighting_guesses_the_training_mean()
    {
        var (configuration, predictions) = await sample.Get<KnnRunner>().PriceAsync(sample.DatasetId, 5, null, CancellationToken.None);

        var trainingMean = (14.99 + 19.5 + 32.0 + 89.99 + 9.95) / 5;
        var validationPrices = new[] { 11.49, 129.0 };
        Assert.Equal(validationPrices.Average(p => Math.Abs(trainingMean - p)), configuration.ValidationError![KnnWeighting.Mean], 6);
        Assert.Equal(5, predictions.Count);
        Assert.All(predictions, p => Assert.InRange(p.Guess, 9.95, 89.99));
    }

    [Fact]
    public async Task An_unknown_data_set_or_a_k_of_zero_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sample.Get<KnnRunner>().PriceAsync(sample.DatasetId, 0, null, CancellationToken.None));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sample.Get<KnnRunner>().PriceAsync(sample.DatasetId + 100, 3, null, CancellationToken.None));
        Assert.Contains("no training items", error.Message);
    }
}
