namespace Pricer.Core.Evaluation;

/// <summary>One item of a report with its scored guess.</summary>
/// <param name="Position">0-based position of the item in its split's order.</param>
/// <param name="Guess">The guess as scored: clamped at 0.</param>
/// <param name="Error">|Guess - Truth|.</param>
public sealed record ScoredItem(
    int Position,
    string ItemId,
    string Title,
    string Category,
    double Truth,
    double Guess,
    double Error,
    GuessColor Color);
