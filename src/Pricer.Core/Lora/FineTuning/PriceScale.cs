namespace Pricer.Core.Lora.FineTuning;

/// <summary>Maps prices to standardised log prices and back: z = (ln(1 + price) − mean) / std.</summary>
public sealed record PriceScale(double Mean, double Std)
{
    public static PriceScale Fit(IEnumerable<double> prices)
    {
        var logs = prices.Select(p => Math.Log(1 + p)).ToArray();
        var mean = logs.Average();
        var std = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / logs.Length);
        return new PriceScale(mean, std > 1e-9 ? std : 1);
    }

    public float ToTarget(double price) => (float)((Math.Log(1 + price) - Mean) / Std);

    public double ToPrice(double target) => Math.Max(0, Math.Exp(target * Std + Mean) - 1);
}
