using Pricer.Core.Evaluation;

namespace Pricer.Data.Guessing;

/// <summary>
/// What became of a submitted guess; Truth and Color only where the campaign reveals the truth. MeanError is the
/// player's running mean absolute error over their guesses in this campaign (revealed campaigns only).
/// </summary>
public sealed record GuessOutcome(GuessStatus Status, string Message, double? Truth = null, GuessColor? Color = null, double? MeanError = null, int Count = 0)
{
    public bool IsStored => Status == GuessStatus.Stored;
}
