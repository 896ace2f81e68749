namespace PricerWeb.Tests.HuggingFace;

/// <summary>Waits for a condition, checking often, and fails if it does not hold within the timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true in time.");
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until <paramref name="read"/> gives a value that satisfies <paramref name="condition"/>; returns it.</summary>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The condition did not come true in time; last value: {value}");
            await Task.Delay(10);
        }
    }
}
