using System.Globalization;
using Pricer.Data.Llm;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Llm;

/// <summary>Prices an LLM run's remaining items on the network lane, reporting progress to every watcher of the run.</summary>
internal sealed class LlmJob(LlmRunService service) : IRunJob
{
    public string Lane => RunLanes.Network;

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        try
        {
            await service.PriceAsync(context.RunId, new JobProgress(context), cancellationToken);
        }
        finally
        {
            // The log is saved with the run, so its tokens and cost stay on its page after it ends, however it ends.
            var summary = await service.SummaryAsync(context.RunId, CancellationToken.None);
            context.Log(Describe(new LlmRunProgress(summary.RunId, summary.Done, summary.Total, summary.CacheHits,
                summary.InputTokens, summary.OutputTokens, summary.CostUsd, Retries: 0, LastRetry: null)));
        }
    }

    private sealed class JobProgress(RunJobContext context) : IProgress<LlmRunProgress>
    {
        private int _retries;

        public void Report(LlmRunProgress value)
        {
            if (Interlocked.Exchange(ref _retries, value.Retries) != value.Retries && value.LastRetry is { } retry) context.Log(retry);
            context.ReportProgress(value.Total == 0 ? 1 : (double)value.Done / value.Total, Describe(value));
        }
    }

    /// <summary>"12 of 40 priced · $0.0012 · 1,234 tokens in, 60 out · 3 cache hits".</summary>
    public static string Describe(LlmRunProgress value) => string.Create(CultureInfo.InvariantCulture,
        $"{value.Done:N0} of {value.Total:N0} priced · ${value.CostUsd:0.####} · {value.InputTokens:N0} tokens in, {value.OutputTokens:N0} out · {value.CacheHits:N0} cache hits");
}
