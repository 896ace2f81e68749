namespace Pricer.Core.Pricers.Csv;

/// <summary>One guess read from a predictions file, before it is matched to an item.</summary>
/// <param name="Line">1-based line where the row starts.</param>
public sealed record PredictionRow(long Line, string Key, double Guess);
