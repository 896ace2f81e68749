namespace Pricer.Bench.Measurement;

/// <summary>Timings of repeated operations, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await operation();
        _milliseconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public T Time<T>(Func<T> operation)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = operation();
        _milliseconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    /// <summary>The nearest-rank percentile.</summary>
    public double Percentile(double percent)
    {
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
