using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;
using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>A baseline made of an ML.NET featurising pipeline ending in a regression trainer that writes "Score".</summary>
public abstract class MlNetBaseline : IBaselineTrainer
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>The estimator chain from <see cref="PricerRow"/> columns ("Text", the simple features, "Label") to "Score".</summary>
    private protected abstract IEstimator<ITransformer> Pipeline(MLContext context, BaselineOptions options);

    public IPricer Train(IReadOnlyList<Item> train, BaselineOptions options, CancellationToken cancellationToken = default)
    {
        TrainingItems.Check(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Vocabulary, 1, nameof(options.Vocabulary));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trees, 1, nameof(options.Trees));
        cancellationToken.ThrowIfCancellationRequested();

        var context = new MLContext(options.Seed);
        var rows = train.Select(item => PricerRow.From(item, options.LogTarget)).ToArray();
        // ML.NET 5 offers no public cancellation, so the token is checked as ML.NET reads each training row.
        var data = context.Data.LoadFromEnumerable(rows.Select(row =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return row;
        }));
        try
        {
            var model = Pipeline(context, options).Fit(data);
            cancellationToken.ThrowIfCancellationRequested();
            return new MlNetPricer(Name, context, model, options.LogTarget, train.Max(item => item.Price));
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Training was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>
    /// Close to the course's ordinary least squares (ML.NET has OLS only in a package not served here): a light
    /// L2 that still converges in about a second; single-threaded, since multi-threaded SDCA is not deterministic.
    /// </summary>
    private protected static SdcaRegressionTrainer.Options LeastSquares() => new()
    {
        NumberOfThreads = 1,
        L2Regularization = 1e-3f,
        L1Regularization = 0,
        ConvergenceTolerance = 1e-5f,
        MaximumNumberOfIterations = 1000,
    };

    /// <summary>The four simple features in one vector, a missing weight or rank replaced by its training mean.</summary>
    private protected static IEstimator<ITransformer> SimpleFeatures(MLContext context, string outputColumn) =>
        context.Transforms.ReplaceMissingValues(
                [new(nameof(PricerRow.Weight)), new(nameof(PricerRow.Rank))], MissingValueReplacingEstimator.ReplacementMode.Mean)
            .Append(context.Transforms.Concatenate(outputColumn, PricerRow.SimpleFeatureColumns));

    /// <summary>
    /// The bag of words beside the simple features, for the tree learners: the test split's biggest categories
    /// (Automotive, Electronics) are absent from the training split, and weight carries across categories
    /// where words do not.
    /// </summary>
    private protected static IEstimator<ITransformer> WordsAndSimpleFeatures(MLContext context, BaselineOptions options, string outputColumn) =>
        BagOfWords(context, options, "Words")
            .Append(SimpleFeatures(context, "Simple"))
            .Append(context.Transforms.Concatenate(outputColumn, "Words", "Simple"));

    /// <summary>
    /// Unigram counts of the course's bag of words (CountVectorizer, English stop words, the most frequent
    /// words only), lower-cased, without punctuation.
    /// </summary>
    private protected static IEstimator<ITransformer> BagOfWords(MLContext context, BaselineOptions options, string outputColumn) =>
        context.Transforms.Text.FeaturizeText(outputColumn, new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options
            {
                Language = TextFeaturizingEstimator.Language.English,
            },
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 1,
                MaximumNgramsCount = [options.Vocabulary],
            },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.None,
        }, nameof(PricerRow.Text));
}
