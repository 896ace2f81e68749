namespace Pricer.Core.Runs;

/// <summary>One point of a run's named series, e.g. batch loss at a step or validation loss after an epoch.</summary>
public sealed record RunPoint(string Series, double X, double Y);
