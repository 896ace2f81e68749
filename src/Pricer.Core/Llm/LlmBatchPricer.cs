using System.Diagnostics;
using Pricer.Core.Evaluation;

namespace Pricer.Core.Llm;

/// <summary>
/// Prices items through a chat endpoint: at most the provider's concurrency in flight, retries with back-off on
/// 429, 5xx, time-outs and dropped connections (honouring Retry-After), every reply read by the course's rule,
/// and a budget checked before each request. Each prediction goes to the caller's sink as soon as it arrives.
/// </summary>
public sealed class LlmBatchPricer(IChatEndpoint endpoint, LlmProviderOptions provider, TimeProvider clock)
{
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);

    // Before any reply shows what a call costs: about 4 characters a token, so characters / 2 overestimates.
    private const int OutputTokensAssumed = 100;

    private double _dearestCallUsd;

    /// <summary>Called before each retry (from worker threads).</summary>
    public event Action<LlmRetry>? Retrying;

    /// <exception cref="LlmCallException">A request failed for good (a 4xx, or retries ran out); predictions already sunk stay.</exception>
    public async Task<LlmStopReason> PriceAsync(
        IReadOnlyList<LlmWorkItem> work, LlmBudget budget, Func<LlmPrediction, CancellationToken, ValueTask> sink, CancellationToken cancellationToken)
    {
        // Once a request would pass the budget no new one starts; those in flight finish, as they are paid for.
        var budgetReached = false;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = provider.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(work, parallel, async (item, token) =>
        {
            var estimate = Estimate(item.Prompt);
            if (Volatile.Read(ref budgetReached) || !budget.TryReserve(estimate))
            {
                Volatile.Write(ref budgetReached, true);
                return;
            }
            ChatReply reply;
            double latencyMs;
            try
            {
                (reply, latencyMs) = await CallWithRetriesAsync(item, token);
            }
            catch
            {
                budget.Settle(estimate, 0);
                throw;
            }
            var cost = provider.CostUsd(reply.InputTokens, reply.OutputTokens);
            budget.Settle(estimate, cost);
            InterlockedMax(ref _dearestCallUsd, cost);
            var prediction = new LlmPrediction(item.Key, item.CacheKey, PriceReply.Parse(reply.Text), reply.Text,
                reply.InputTokens, reply.OutputTokens, cost, latencyMs, CacheHit: false);
            await sink(prediction, CancellationToken.None);
        });
        return budgetReached ? LlmStopReason.Budget : LlmStopReason.Finished;
    }

    private async Task<(ChatReply Reply, double LatencyMs)> CallWithRetriesAsync(LlmWorkItem item, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var reply = await endpoint.CompleteAsync(item.Prompt, cancellationToken);
                return (reply, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (LlmCallException e) when (e.Transient && attempt <= provider.MaxRetries)
            {
                var delay = e.RetryAfter is { } asked ? Min(asked, LongestRetryAfter) : BackOff(attempt);
                Retrying?.Invoke(new LlmRetry(item.Key, attempt, e.Message, delay));
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private TimeSpan BackOff(int attempt)
    {
        var seconds = provider.RetryBaseDelaySeconds * Math.Pow(2, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble());
        return Min(TimeSpan.FromSeconds(seconds), LongestBackOff);
    }

    /// <summary>The dearest call so far; before the first reply, a generous guess from the prompt's length.</summary>
    private double Estimate(string prompt)
    {
        var dearest = Volatile.Read(ref _dearestCallUsd);
        return dearest > 0 ? dearest : provider.CostUsd(prompt.Length / 2 + 10, provider.MaxOutputTokens ?? OutputTokensAssumed);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void InterlockedMax(ref double target, double value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
