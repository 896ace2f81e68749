using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Baselines;

/// <summary>Keeps every guess a usable price: the evaluator clamps negatives to 0, and NaN or overflow must not reach it.</summary>
public static class Guess
{
    public static double Clamp(double guess) => double.IsNaN(guess) ? 0 : Math.Clamp(guess, 0, ItemRules.MaxPrice);
}
