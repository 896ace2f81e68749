using Microsoft.ML;
using Microsoft.ML.Trainers;

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
            .Append(context.Regression.Trainers.Sdca(LinearRegression()));

    /// <summary>
    /// Close to the course's ordinary least squares (which ML.NET only has in a package not served here): a
    /// light L2 that still converges in about a second; single-threaded, since multi-threaded SDCA is not
    /// deterministic.
    /// </summary>
    internal static SdcaRegressionTrainer.Options LinearRegression() => new()
    {
        NumberOfThreads = 1,
        L2Regularization = 1e-3f,
        L1Regularization = 0,
        ConvergenceTolerance = 1e-5f,
        MaximumNumberOfIterations = 1000,
    };
}
