using Pricer.Core.Items;
using Pricer.Core.Pricers;

namespace Pricer.Data.Runs;

/// <summary>Predictions made elsewhere, to be stored as a run on a data set.</summary>
/// <param name="Split">The split that `index` rows and the human sheet's texts refer to.</param>
public sealed record PredictionImportRequest(
    string Dataset,
    string RunName,
    string StartedBy,
    Split Split = Split.Test,
    RunKind Kind = RunKind.Imported);
