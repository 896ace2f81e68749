namespace Pricer.Core.Evaluation;

/// <summary>
/// Mean and spread of the values added so far. The mean is sum / count, exactly as the course's running
/// average; the spread uses Welford's update, which stays accurate where "mean of squares minus square of
/// mean" cancels.
/// </summary>
internal struct RunningMean
{
    private double _sum;
    private double _welfordMean;
    private double _squaredDeviations;

    public int Count { get; private set; }

    public readonly double Mean => Count == 0 ? 0 : _sum / Count;

    /// <summary>Population standard deviation (divides by n), as the course's error trend chart computes it.</summary>
    public readonly double PopulationSd => Count == 0 ? 0 : Math.Sqrt(_squaredDeviations / Count);

    /// <summary>Half-width of the 95% band of the mean, 1.96 * sd / sqrt(n); 0 for a single value, as the course draws it.</summary>
    public readonly double Ci95 => Count < 2 ? 0 : 1.96 * PopulationSd / Math.Sqrt(Count);

    public void Add(double value)
    {
        Count++;
        _sum += value;
        var delta = value - _welfordMean;
        _welfordMean += delta / Count;
        _squaredDeviations += delta * (value - _welfordMean);
    }
}
