namespace Pricer.Bench.Measurement;

/// <summary>Timings of repeated operations, in milliseconds; safe to time from several tasks at once.</summary>
internal sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get { lock (_milliseconds) return _milliseconds.Count; }
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await operation();
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    public T Time<T>(Func<T> operation)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = operation();
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    /// <summary>The nearest-rank percentile.</summary>
    public double Percentile(double percent)
    {
        List<double> sorted;
        lock (_milliseconds) sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private void Add(double milliseconds)
    {
        lock (_milliseconds) _milliseconds.Add(milliseconds);
    }
}
