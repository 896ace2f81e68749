namespace Pricer.Data.Runs.Ensembles;

/// <summary>A run in an ensemble and the weight its guesses get.</summary>
public sealed record EnsembleMember(int RunId, string Name, double Weight);
