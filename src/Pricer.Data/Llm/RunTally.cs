using Pricer.Core.Llm;

namespace Pricer.Data.Llm;

/// <summary>Running totals of one execution of an LLM run, started from what was stored before, for progress reports.</summary>
internal sealed class RunTally(int runId, int total, LlmRunSummary before)
{
    private readonly Lock _lock = new();
    private int _done = before.Done;
    private int _cacheHits = before.CacheHits;
    private long _input = before.InputTokens;
    private long _output = before.OutputTokens;
    private double _cost = before.CostUsd;
    private int _retries;
    private string? _lastRetry;

    public LlmRunProgress Add(IReadOnlyList<LlmPrediction> stored)
    {
        lock (_lock)
        {
            foreach (var p in stored)
            {
                _done++;
                if (p.CacheHit)
                {
                    _cacheHits++;
                    continue;
                }
                _input += p.InputTokens;
                _output += p.OutputTokens;
                _cost += p.CostUsd;
            }
            return Snapshot();
        }
    }

    public LlmRunProgress Retry(LlmRetry retry)
    {
        lock (_lock)
        {
            _retries++;
            _lastRetry = $"retry {retry.Attempt} in {retry.Delay.TotalSeconds:0.#} s: {retry.Reason}";
            return Snapshot();
        }
    }

    private LlmRunProgress Snapshot() => new(runId, _done, total, _cacheHits, _input, _output, _cost, _retries, _lastRetry);
}
