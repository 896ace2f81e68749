using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>Gradient-boosted trees (LightGBM; single-threaded so that a seed gives one model) on the bag of words and the simple features.</summary>
public sealed class GradientBoostingBaseline : MlNetBaseline
{
    public override string Name => "gradient-boosting";

    public override string Description => "Gradient-boosted trees (LightGBM) on counts of the most frequent words plus the four simple features";

    private protected override IEstimator<ITransformer> Pipeline(MLContext context, BaselineOptions options) =>
        WordsAndSimpleFeatures(context, options, "Features")
            .Append(context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                NumberOfIterations = options.Trees,
                Seed = options.Seed,
                Deterministic = true,
                NumberOfThreads = 1,
                Silent = true,
            }));
}
