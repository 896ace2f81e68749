namespace Pricer.Cli.Hosting;

/// <summary>Progress handled on the reporting thread, in order (Progress&lt;T&gt; would post each report to the thread pool).</summary>
internal sealed class InlineReport<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
