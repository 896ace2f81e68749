namespace Pricer.Core.Training;

/// <summary>Turns prices into what the network learns and back: the raw price, or log1p(price) standardised.</summary>
public sealed record TargetScaler(TargetKind Kind, double Mean, double Deviation)
{
    public static TargetScaler Raw { get; } = new(TargetKind.Raw, 0, 1);

    /// <summary>Fits the scaler to training prices (mean and deviation of log1p for a log target).</summary>
    public static TargetScaler Fit(TargetKind kind, IReadOnlyList<float> prices)
    {
        if (kind == TargetKind.Raw || prices.Count == 0) return kind == TargetKind.Raw ? Raw : new(kind, 0, 1);
        var logs = prices.Select(p => Math.Log(1 + p)).ToArray();
        var mean = logs.Average();
        var deviation = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / logs.Length);
        return new(kind, mean, deviation > 1e-9 ? deviation : 1);
    }

    public float ToTarget(float price) => Kind == TargetKind.Raw ? price : (float)((Math.Log(1 + price) - Mean) / Deviation);

    /// <summary>The price an output stands for, never below 0 (as the seed clips its guesses).</summary>
    public double ToPrice(float output)
    {
        var price = Kind == TargetKind.Raw ? output : Math.Exp(output * Deviation + Mean) - 1;
        return double.IsFinite(price) ? Math.Max(0, price) : 0;
    }
}
