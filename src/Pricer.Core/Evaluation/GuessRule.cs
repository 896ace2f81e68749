namespace Pricer.Core.Evaluation;

/// <summary>
/// The course's judgement of one guess: a negative guess counts as 0, then the error
/// |guess - truth| is green under $40 or 20% of the truth, orange under $80 or 40%, red otherwise.
/// </summary>
public static class GuessRule
{
    public const double GreenDollars = 40;
    public const double GreenShare = 0.20;
    public const double OrangeDollars = 80;
    public const double OrangeShare = 0.40;

    /// <summary>The guess that is scored: below 0 becomes 0, as the course's network pricer returns max(0, y).</summary>
    public static double Clamp(double guess) => guess < 0 ? 0 : guess;

    /// <summary>The absolute error of the clamped guess.</summary>
    public static double ErrorOf(double truth, double guess) => Math.Abs(Clamp(guess) - truth);

    /// <summary>The colour of a guess against the true price (the guess is clamped first).</summary>
    public static GuessColor ColorOf(double truth, double guess)
    {
        var error = ErrorOf(truth, guess);
        if (error < GreenDollars || error / truth < GreenShare) return GuessColor.Green;
        if (error < OrangeDollars || error / truth < OrangeShare) return GuessColor.Orange;
        return GuessColor.Red;
    }
}
