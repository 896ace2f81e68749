namespace Pricer.Data.Guessing;

/// <summary>A player whose guesses look automatic or careless, and why.</summary>
public sealed record SuspiciousPattern(string Player, string Reason);
