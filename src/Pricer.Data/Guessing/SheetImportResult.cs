namespace Pricer.Data.Guessing;

/// <summary>
/// A filled sheet's import: guesses stored, rows left at 0 or blank (not guessed), rows already guessed before
/// (the first guess stands); or, where any row is wrong, the problems and nothing stored.
/// </summary>
public sealed record SheetImportResult(int Stored, int Unfilled, int AlreadyGuessed, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
