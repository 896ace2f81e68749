using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>Selected runs of one data set side by side under one report.</summary>
/// <param name="Runs">The runs that guessed at least one of the report's items, in the order asked for.</param>
/// <param name="WithoutGuesses">Runs on the data set that guessed none of the report's items.</param>
/// <param name="UnknownRunIds">Ids asked for that name no run on this data set.</param>
/// <param name="Items">The runs item by item; run indexes follow <paramref name="Runs"/>.</param>
public sealed record Comparison(
    string Dataset,
    ReportDefinition Report,
    IReadOnlyList<ComparedRun> Runs,
    IReadOnlyList<PricerRun> WithoutGuesses,
    IReadOnlyList<int> UnknownRunIds,
    ItemByItem Items);
