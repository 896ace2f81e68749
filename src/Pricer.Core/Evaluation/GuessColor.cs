namespace Pricer.Core.Evaluation;

/// <summary>How close one guess came, by the course's rule (see <see cref="GuessRule"/>).</summary>
public enum GuessColor
{
    Green = 0,
    Orange = 1,
    Red = 2,
}
