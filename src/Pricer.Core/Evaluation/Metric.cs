namespace Pricer.Core.Evaluation;

/// <summary>The numbers a report can headline; <see cref="MetricFormat.Format"/> shows each the way the course printed it.</summary>
public enum Metric
{
    Error = 0,
    Rmsle = 1,
    Hits = 2,
    Mse = 3,
    R2 = 4,
    MedianError = 5,
}
