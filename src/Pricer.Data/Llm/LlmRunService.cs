using Microsoft.EntityFrameworkCore;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace Pricer.Data.Llm;

/// <summary>
/// LLM runs: <see cref="CreateAsync"/> stores a queued run with its settings; <see cref="ExecuteAsync"/> prices the
/// items that have no prediction yet (so a cancelled, failed or crashed run resumes where it stopped), answering
/// from the response cache where it can and storing each prediction as it arrives.
/// </summary>
public sealed class LlmRunService(
    IDbContextFactory<PricerDbContext> contexts, SplitItems splits, TimeProvider clock, ISimilarItemSource? similarItems = null)
{
    private const int CacheLookupChunk = 500;

    public const string RagUnavailable =
        "RAG needs the embeddings feature (nearest training items by all-MiniLM-L6-v2), which this build does not include.";

    public bool RagAvailable => similarItems is not null;

    /// <summary>Checks the settings and stores a queued run.</summary>
    /// <exception cref="ArgumentException">The settings cannot run; the message lists every problem.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> CreateAsync(string datasetName, string? name, LlmRunSettings settings, string startedBy, CancellationToken cancellationToken)
    {
        var problems = settings.Problems().ToList();
        if (settings.Rag && similarItems is null) problems.Add(RagUnavailable);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var run = new PricerRun
        {
            DatasetId = dataset.Id,
            Kind = RunKind.Llm,
            Name = string.IsNullOrWhiteSpace(name) ? DefaultName(settings) : name.Trim(),
            Configuration = settings.ToJson(),
            StartedBy = startedBy,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
            Status = RunStatus.Queued,
            CodeVersion = CodeVersion.Current,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>
    /// Prices the run's remaining items and records how it ended (succeeded, stopped at the budget, failed). A
    /// failed call does not throw: the summary carries its message, which never holds the key.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the run is stored as cancelled with what it priced.</exception>
    public async Task<LlmRunSummary> ExecuteAsync(int runId, IProgress<LlmRunProgress>? progress, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        var settings = LlmRunSettings.FromJson(run.Configuration);
        var provider = settings.Provider;
        var all = settings.Items.Choose(await splits.LoadAsync(run.DatasetId, settings.Items.Split, cancellationToken));
        var tally = await TallyAsync(runId, all.Count, cancellationToken);
        var done = await PricedItemsAsync(runId, cancellationToken);
        var remaining = all.Where(i => !done.Contains(i.RowId)).ToList();
        await SetStatusAsync(runId, RunStatus.Running, null, finished: false);

        string? apiKey = null;
        var writer = new LlmPredictionWriter(contexts, runId, provider, clock, batch => progress?.Report(tally.Add(batch)));
        try
        {
            apiKey = ApiKeys.Resolve(provider);
            var work = await PromptsAsync(run.DatasetId, settings, remaining, cancellationToken);
            var misses = await AnswerFromCacheAsync(provider, work, writer, cancellationToken);
            var pricer = new LlmBatchPricer(new OpenAiChatEndpoint(provider, apiKey), provider, clock);
            pricer.Retrying += retry => progress?.Report(tally.Retry(retry));
            var stop = await pricer.PriceAsync(misses, new LlmBudget(settings.BudgetUsd, run.CostUsd), writer.AddAsync, cancellationToken);
            await writer.CompleteAsync();
            var summary = await SummaryAsync(runId, cancellationToken);
            return stop == LlmStopReason.Budget
                ? await EndAsync(runId, RunStatus.Cancelled, $"Stopped at the budget of ${settings.BudgetUsd:0.####}: {summary.Done:N0} of {summary.Total:N0} items priced for ${summary.CostUsd:0.####}.")
                : await EndAsync(runId, RunStatus.Succeeded, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await writer.CompleteAsync();
            var summary = await SummaryAsync(runId, CancellationToken.None);
            await EndAsync(runId, RunStatus.Cancelled, $"Cancelled after {summary.Done:N0} of {summary.Total:N0} items; running it again resumes there.");
            throw;
        }
        catch (Exception e) when (e is LlmCallException or InvalidOperationException)
        {
            await writer.CompleteAsync();
            return await EndAsync(runId, RunStatus.Failed, new SecretScrubber(apiKey).Scrub(e.Message));
        }
    }

    /// <summary>The run's totals so far, from its stored predictions.</summary>
    public async Task<LlmRunSummary> SummaryAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        var settings = LlmRunSettings.FromJson(run.Configuration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var splitCount = await db.Items.CountAsync(i => i.DatasetId == run.DatasetId && i.Split == settings.Items.Split, cancellationToken);
        var total = Math.Min(splitCount, settings.Items.First ?? settings.Items.Sample ?? splitCount);
        var totals = await db.Predictions.Where(p => p.RunId == runId)
            .GroupBy(p => 1)
            .Select(g => new
            {
                Done = g.Count(),
                CacheHits = g.Count(p => p.CacheHit),
                Input = g.Where(p => !p.CacheHit).Sum(p => (long?)p.InputTokens) ?? 0,
                Output = g.Where(p => !p.CacheHit).Sum(p => (long?)p.OutputTokens) ?? 0,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new LlmRunSummary(runId, run.Status, run.Error, total, totals?.Done ?? 0, totals?.Input ?? 0, totals?.Output ?? 0, run.CostUsd, totals?.CacheHits ?? 0);
    }

    private static string DefaultName(LlmRunSettings settings) => settings.Rag ? $"{settings.Provider.Model} + RAG" : settings.Provider.Model;

    private async Task<IReadOnlyList<LlmWorkItem>> PromptsAsync(
        int datasetId, LlmRunSettings settings, IReadOnlyList<(long RowId, Core.Items.Item Item)> items, CancellationToken cancellationToken)
    {
        if (!settings.Rag) return items.Select(i => new LlmWorkItem(i.RowId, PromptTemplate.Render(settings.PromptTemplate, i.Item.Text))).ToList();
        if (similarItems is null) throw new InvalidOperationException(RagUnavailable);
        var work = new List<LlmWorkItem>(items.Count);
        foreach (var (rowId, item) in items)
        {
            var similar = await similarItems.FindAsync(datasetId, item.Text, LlmRunSettings.SimilarItemsShown, cancellationToken);
            work.Add(new LlmWorkItem(rowId, PromptTemplate.RenderWithSimilar(settings.PromptTemplate, item.Text, similar)));
        }
        return work;
    }

    /// <summary>Stores a prediction for every item whose request is cached and returns the others.</summary>
    private async Task<IReadOnlyList<LlmWorkItem>> AnswerFromCacheAsync(
        LlmProviderOptions provider, IReadOnlyList<LlmWorkItem> work, LlmPredictionWriter writer, CancellationToken cancellationToken)
    {
        var keyed = work.Select(w => (Work: w, Key: LlmCacheKey.For(provider, w.Prompt))).ToList();
        var cached = new Dictionary<string, LlmResponse>(StringComparer.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var chunk in keyed.Select(k => k.Key).Distinct().Chunk(CacheLookupChunk))
                foreach (var response in await db.LlmResponses.AsNoTracking().Where(r => chunk.Contains(r.Key)).ToListAsync(cancellationToken))
                    cached[response.Key] = response;
        }
        var misses = new List<LlmWorkItem>();
        foreach (var (item, key) in keyed)
        {
            if (!cached.TryGetValue(key, out var hit))
            {
                misses.Add(item);
                continue;
            }
            await writer.AddAsync(new LlmPrediction(item.Key, key, Core.Evaluation.PriceReply.Parse(hit.Reply), hit.Reply,
                hit.InputTokens, hit.OutputTokens, CostUsd: 0, LatencyMs: 0, CacheHit: true), cancellationToken);
        }
        return misses;
    }

    private async Task<RunTally> TallyAsync(int runId, int total, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(runId, cancellationToken);
        return new RunTally(runId, total, summary);
    }

    private async Task<HashSet<long>> PricedItemsAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Predictions.Where(p => p.RunId == runId).Select(p => p.ItemId).ToListAsync(cancellationToken)).ToHashSet();
    }

    private async Task<PricerRun> LoadRunAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no run {runId}.");
        return run.Kind == RunKind.Llm ? run : throw new ArgumentException($"Run {runId} is not an LLM run.");
    }

    private async Task<LlmRunSummary> EndAsync(int runId, RunStatus status, string? error)
    {
        await SetStatusAsync(runId, status, error, finished: true);
        return await SummaryAsync(runId, CancellationToken.None);
    }

    private async Task SetStatusAsync(int runId, RunStatus status, string? error, bool finished)
    {
        await using var db = await contexts.CreateDbContextAsync();
        DateTime? finishedAt = finished ? clock.GetUtcNow().UtcDateTime : null;
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.FinishedAtUtc, finishedAt));
    }
}
