namespace Pricer.Core.Pricers.Csv;

/// <summary>A predictions file read completely and found valid; nothing is matched to items yet.</summary>
public sealed record PredictionFile(PredictionKeyKind KeyKind, IReadOnlyList<PredictionRow> Rows);
