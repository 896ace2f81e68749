namespace PricerWeb.Features.Import;

/// <summary>
/// Handles each report at once on the reporting thread, in order; Progress&lt;T&gt; would post reports to
/// the thread pool, where they can arrive out of order and after the work has ended.
/// </summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
