using Microsoft.ML;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>The course's bag-of-words linear regression: counts of the most frequent words, fitted linearly.</summary>
public sealed class BagOfWordsRegressionBaseline : MlNetBaseline
{
    public override string Name => "bow-lr";

    public override string Description => "Linear regression (SDCA) on counts of the most frequent words";

    private protected override IEstimator<ITransformer> Pipeline(MLContext context, BaselineOptions options) =>
        BagOfWords(context, options, "Features")
            .AppendCacheCheckpoint(context)
            .Append(context.Regression.Trainers.Sdca(LeastSquares()));
}
