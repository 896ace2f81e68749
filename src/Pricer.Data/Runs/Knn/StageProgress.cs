namespace Pricer.Data.Runs.Knn;

/// <summary>How far a multi-stage job is (0 to 1 over all its stages) and what it does now.</summary>
public sealed record StageProgress(double Fraction, string Message);
