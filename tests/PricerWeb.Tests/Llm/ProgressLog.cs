using System.Collections.Concurrent;
using Pricer.Data.Llm;

namespace PricerWeb.Tests.Llm;

/// <summary>Keeps every LLM run report on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
internal sealed class ProgressLog : IProgress<LlmRunProgress>
{
    public ConcurrentQueue<LlmRunProgress> Reports { get; } = new();

    public void Report(LlmRunProgress value) => Reports.Enqueue(value);
}
