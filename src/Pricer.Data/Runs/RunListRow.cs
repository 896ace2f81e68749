namespace Pricer.Data.Runs;

/// <summary>A run as a list of runs shows it, with its data set's name.</summary>
public sealed record RunListRow(PricerRun Run, string Dataset);
