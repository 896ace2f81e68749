using Microsoft.ML;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>The course's linear regression on weight, best-sellers rank, text length and top electronics brand.</summary>
public sealed class FeatureRegressionBaseline : MlNetBaseline
{
    public override string Name => "features-lr";

    public override string Description => "Linear regression (SDCA) on weight, best-sellers rank, text length and top electronics brand";

    private protected override IEstimator<ITransformer> Pipeline(MLContext context, BaselineOptions options) =>
        SimpleFeatures(context, "Features")
            .Append(context.Transforms.NormalizeMeanVariance("Features"))
            .AppendCacheCheckpoint(context)
            .Append(context.Regression.Trainers.Sdca(LeastSquares()));
}
