using Pricer.Core.Evaluation;

namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>The course 2024 evaluation's reading of the next-token distribution as one price.</summary>
public static class TopTokenPrice
{
    /// <summary>
    /// Of the candidate tokens (the top 3 by probability), those whose text reads as a price above 0 are averaged,
    /// weighted by their probabilities renormalised over them; 0 when none reads as a price.
    /// </summary>
    public static double Weighted(IEnumerable<(string Token, double Probability)> candidates)
    {
        double weighted = 0, total = 0;
        foreach (var (token, probability) in candidates)
        {
            var price = PriceReply.Parse(token);
            if (price <= 0) continue;
            weighted += price * probability;
            total += probability;
        }
        return total > 0 ? weighted / total : 0;
    }
}
