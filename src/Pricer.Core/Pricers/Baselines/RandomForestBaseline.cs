using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>A random forest (ML.NET FastForest; the course grew 100 trees) on the bag of words and the simple features.</summary>
public sealed class RandomForestBaseline : MlNetBaseline
{
    public override string Name => "random-forest";

    public override string Description => "Random forest (FastForest) on counts of the most frequent words plus the four simple features";

    private protected override IEstimator<ITransformer> Pipeline(MLContext context, BaselineOptions options) =>
        WordsAndSimpleFeatures(context, options, "Features")
            .Append(context.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
            {
                NumberOfTrees = options.Trees,
                Seed = options.Seed,
                FeatureSelectionSeed = options.Seed,
            }));
}
