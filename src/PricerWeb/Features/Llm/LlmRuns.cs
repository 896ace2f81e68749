using Pricer.Data.Llm;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Llm;

/// <summary>Queues LLM runs from the app, within the monthly cap on LLM spending.</summary>
public sealed class LlmRuns(RunQueue queue, LlmRunService service, LlmSpending spending)
{
    /// <exception cref="ArgumentException">The settings cannot run (the message lists every problem), or the monthly cap is reached.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> StartAsync(string dataset, LlmRunSettings settings, string? name, string? startedBy, CancellationToken cancellationToken)
    {
        if (await spending.CapReachedAsync(cancellationToken) is { } capReached) throw new ArgumentException(capReached);
        // A run may not spend more than is left under the monthly cap, whatever budget it asked for.
        if (await spending.LeftThisMonthAsync(cancellationToken) is { } left && !(settings.BudgetUsd <= left)) settings = settings with { BudgetUsd = left };
        var run = await service.NewRunAsync(dataset, name, settings, string.IsNullOrWhiteSpace(startedBy) ? "web" : startedBy.Trim(), cancellationToken);
        return await queue.EnqueueAsync(run, new LlmJob(service), cancellationToken);
    }
}
