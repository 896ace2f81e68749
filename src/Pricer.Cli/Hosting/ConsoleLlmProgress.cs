using Pricer.Data.Llm;

namespace Pricer.Cli.Hosting;

/// <summary>LLM run progress on stderr: a line every couple of seconds, on each retry and at the end.</summary>
public sealed class ConsoleLlmProgress(TextWriter error) : IProgress<LlmRunProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private DateTime _lastLine;
    private int _retries;

    public void Report(LlmRunProgress value)
    {
        lock (_lock)
        {
            if (value.Retries > _retries && value.LastRetry is { } retry) error.WriteLine(retry);
            _retries = value.Retries;
            if (value.Done < value.Total && DateTime.UtcNow - _lastLine < Interval) return;
            _lastLine = DateTime.UtcNow;
            error.WriteLine($"priced {value.Done:N0}/{value.Total:N0}  ${value.CostUsd:0.####}  tokens {value.InputTokens:N0} in, {value.OutputTokens:N0} out  {value.CacheHits:N0} cache hits");
        }
    }
}
