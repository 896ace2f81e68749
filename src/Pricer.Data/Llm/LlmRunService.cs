using Microsoft.EntityFrameworkCore;
using Pricer.Core.Embeddings;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace Pricer.Data.Llm;

/// <summary>
/// LLM runs: <see cref="NewRunAsync"/> makes a checked run from settings; <see cref="PriceAsync"/> prices the items
/// that have no prediction yet (so a cancelled, failed or crashed run resumes where it stopped), answering from the
/// response cache where it can and storing each prediction as it arrives. The app's run queue calls PriceAsync in
/// a job; <see cref="ExecuteAsync"/> does the same with the run's lifecycle around it, for the CLI.
/// </summary>
public sealed class LlmRunService(
    IDbContextFactory<PricerDbContext> contexts, SplitItems splits, RunLifecycle lifecycle, TimeProvider clock,
    ISimilarItems similarItems, EmbeddingStore embeddings, ITextEmbedder embedder, IApiKeySource keys)
{
    private const int CacheLookupChunk = 500;

    public const string RagPricesTrainingItems =
        "RAG shows the model training items with their prices, so it prices validation or test items only.";

    /// <summary>Why RAG cannot run on the data set yet (its training items are not all embedded, with how to embed them), or null when it can.</summary>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<string?> RagProblemAsync(string datasetName, CancellationToken cancellationToken)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var status = await embeddings.StatusAsync(dataset.Id, embedder.Model, cancellationToken);
        if (status.TrainTotal > 0 && status.TrainEmbedded == status.TrainTotal) return null;
        return $"RAG needs the training items of data set '{dataset.Name}' embedded with {embedder.Model} "
            + $"({status.TrainEmbedded:N0} of {status.TrainTotal:N0} are): use \"Embed now\" in the dataset browser's item drawer, "
            + $"or run `pricer embed --dataset {dataset.Name}`.";
    }

    /// <summary>A run for the settings, checked and not yet stored (queue it, or store it with <see cref="CreateAsync"/>).</summary>
    /// <exception cref="ArgumentException">The settings cannot run; the message lists every problem.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> NewRunAsync(string datasetName, string? name, LlmRunSettings settings, string startedBy, CancellationToken cancellationToken)
    {
        var dataset = await splits.DatasetAsync(datasetName, cancellationToken);
        var problems = settings.Problems().ToList();
        if (settings.Rag && settings.Items.Split == Split.Train) problems.Add(RagPricesTrainingItems);
        if (settings.Rag && await RagProblemAsync(dataset.Name, cancellationToken) is { } rag) problems.Add(rag);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        return new PricerRun
        {
            DatasetId = dataset.Id,
            Kind = RunKind.Llm,
            Name = string.IsNullOrWhiteSpace(name) ? DefaultName(settings) : name.Trim(),
            Configuration = settings.ToJson(),
            StartedBy = startedBy,
            CodeVersion = CodeVersion.Current,
        };
    }

    /// <summary>Checks the settings and stores a queued run.</summary>
    /// <exception cref="ArgumentException">The settings cannot run; the message lists every problem.</exception>
    /// <exception cref="KeyNotFoundException">There is no such data set.</exception>
    public async Task<PricerRun> CreateAsync(string datasetName, string? name, LlmRunSettings settings, string startedBy, CancellationToken cancellationToken) =>
        await lifecycle.CreateQueuedAsync(await NewRunAsync(datasetName, name, settings, startedBy, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs (or resumes) a stored run outside the app's queue and records how it ended: Succeeded, Failed with a
    /// message that never holds the key (a call that failed for good, the budget reached), or Cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the run is stored as cancelled with what it priced.</exception>
    /// <exception cref="InvalidOperationException">The run has succeeded already or is running elsewhere.</exception>
    public async Task<LlmRunSummary> ExecuteAsync(int runId, IProgress<LlmRunProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await lifecycle.MarkRunningAsync(runId, cancellationToken)
            && !(await lifecycle.RequeueAsync(runId, cancellationToken) && await lifecycle.MarkRunningAsync(runId, cancellationToken)))
            throw new InvalidOperationException($"Run {runId} has succeeded or is running; only a queued, failed, cancelled or interrupted run can run.");
        try
        {
            await PriceAsync(runId, progress, cancellationToken);
            await lifecycle.FinishAsync(runId, RunStatus.Succeeded, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var summary = await SummaryAsync(runId, CancellationToken.None);
            await lifecycle.FinishAsync(runId, RunStatus.Cancelled, $"Cancelled after {summary.Done:N0} of {summary.Total:N0} items; running it again resumes there.", CancellationToken.None);
            throw;
        }
        catch (LlmRunStoppedException e)
        {
            await lifecycle.FinishAsync(runId, RunStatus.Failed, e.Message, CancellationToken.None);
        }
        return await SummaryAsync(runId, CancellationToken.None);
    }

    /// <summary>
    /// Prices the run's items that have no prediction yet, storing each as it arrives; the run's status is the
    /// caller's to keep.
    /// </summary>
    /// <exception cref="LlmRunStoppedException">A call failed for good, the key is missing, or the budget was reached; the message never holds the key.</exception>
    public async Task PriceAsync(int runId, IProgress<LlmRunProgress>? progress, CancellationToken cancellationToken)
    {
        var run = await LoadRunAsync(runId, cancellationToken);
        var settings = LlmRunSettings.FromJson(run.Configuration);
        var provider = settings.Provider;
        var all = settings.Items.Choose(await splits.LoadAsync(run.DatasetId, settings.Items.Split, cancellationToken));
        var tally = new RunTally(runId, all.Count, await SummaryAsync(runId, cancellationToken));
        var done = await PricedItemsAsync(runId, cancellationToken);
        var remaining = all.Where(i => !done.Contains(i.RowId)).ToList();

        string? apiKey = null;
        var writer = new LlmPredictionWriter(contexts, runId, provider, clock, batch => progress?.Report(tally.Add(batch)));
        LlmStopReason stop;
        try
        {
            apiKey = keys.Resolve(provider);
            var work = await PromptsAsync(run.DatasetId, settings, remaining, cancellationToken);
            var misses = await AnswerFromCacheAsync(work, writer, cancellationToken);
            var pricer = new LlmBatchPricer(new OpenAiChatEndpoint(provider, apiKey), provider, clock);
            pricer.Retrying += retry => progress?.Report(tally.Retry(retry));
            stop = await pricer.PriceAsync(misses, new LlmBudget(settings.BudgetUsd, run.CostUsd), writer.AddAsync, cancellationToken);
        }
        catch (Exception e) when (e is LlmCallException or InvalidOperationException)
        {
            throw new LlmRunStoppedException(new SecretScrubber(apiKey).Scrub(e.Message));
        }
        finally
        {
            await writer.CompleteAsync();
        }
        if (stop == LlmStopReason.Budget)
        {
            var summary = await SummaryAsync(runId, CancellationToken.None);
            throw new LlmRunStoppedException(
                $"Stopped at the budget of ${settings.BudgetUsd:0.####}: {summary.Done:N0} of {summary.Total:N0} items priced for ${summary.CostUsd:0.####}.");
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
        var cacheKey = new LlmCacheKey(settings.Provider);
        var work = new List<LlmWorkItem>(items.Count);
        foreach (var (rowId, item) in items)
        {
            var prompt = settings.Rag
                ? PromptTemplate.RenderWithSimilar(settings.PromptTemplate, item.Text,
                    await similarItems.FindAsync(datasetId, item.Text, LlmRunSettings.SimilarItemsShown, cancellationToken))
                : PromptTemplate.Render(settings.PromptTemplate, item.Text);
            work.Add(new LlmWorkItem(rowId, prompt, cacheKey.Of(prompt)));
        }
        return work;
    }

    /// <summary>Stores a prediction for every item whose request is cached and returns the others.</summary>
    private async Task<IReadOnlyList<LlmWorkItem>> AnswerFromCacheAsync(
        IReadOnlyList<LlmWorkItem> work, LlmPredictionWriter writer, CancellationToken cancellationToken)
    {
        var cached = new Dictionary<string, LlmResponse>(StringComparer.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var chunk in work.Select(w => w.CacheKey).Distinct().Chunk(CacheLookupChunk))
                foreach (var response in await db.LlmResponses.AsNoTracking().Where(r => chunk.Contains(r.Key)).ToListAsync(cancellationToken))
                    cached[response.Key] = response;
        }
        var misses = new List<LlmWorkItem>();
        foreach (var item in work)
        {
            if (!cached.TryGetValue(item.CacheKey, out var hit))
            {
                misses.Add(item);
                continue;
            }
            await writer.AddAsync(new LlmPrediction(item.Key, item.CacheKey, Core.Evaluation.PriceReply.Parse(hit.Reply), hit.Reply,
                hit.InputTokens, hit.OutputTokens, CostUsd: 0, LatencyMs: 0, CacheHit: true), cancellationToken);
        }
        return misses;
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
}
