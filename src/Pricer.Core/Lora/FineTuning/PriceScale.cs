namespace Pricer.Core.Lora.FineTuning;

/// <summary>
/// Maps prices to standardised log prices and back: z = (ln(1 + price) − mean) / std. With a <paramref name="LogVariance"/>
/// s^2 the way back is the log-normal mean exp(mu + s^2/2) − 1 rather than the median exp(mu) − 1.
/// </summary>
public sealed record PriceScale(double Mean, double Std, double LogVariance = 0)
{
    public static PriceScale Fit(IEnumerable<double> prices)
    {
        var logs = prices.Select(p => Math.Log(1 + p)).ToArray();
        var mean = logs.Average();
        var std = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / logs.Length);
        return new PriceScale(mean, std > 1e-9 ? std : 1);
    }

    public float ToTarget(double price) => (float)((Math.Log(1 + price) - Mean) / Std);

    public double ToPrice(double target) => Math.Max(0, Math.Exp(target * Std + Mean + LogVariance / 2) - 1);

    /// <summary>This scale pricing with the log-normal mean, given the MSE of standardised targets on held-out items.</summary>
    public PriceScale WithHeldOutError(double standardisedMse) => this with { LogVariance = standardisedMse * Std * Std };
}
