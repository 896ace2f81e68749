using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Embeddings;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Llm;
using Pricer.Data.Runs;
using Pricer.Testing.Llm;
using PricerWeb.Tests.HuggingFace;

namespace PricerWeb.Tests.Llm;

/// <summary>LLM runs through the production path (OpenAI SDK, HTTP) against a loopback OpenAI-compatible server.</summary>
public sealed class LlmRunTests
{
    [Fact]
    public async Task Prices_every_item_with_the_course_prompt_and_stores_reply_tokens_latency_and_cost()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.Delay = TimeSpan.FromMilliseconds(40);
        var progress = new ProgressLog();

        var (run, summary) = await bed.RunAsync(bed.Settings(concurrency: 4), progress);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        var predictions = await bed.PredictionsAsync(run.Id);
        Assert.Equal(LlmTestBed.TestItems, predictions.Count);
        var requests = bed.Server.Requests.ToList();
        Assert.Equal(LlmTestBed.TestItems, requests.Count);
        Assert.All(requests, r => Assert.Equal($"Bearer {bed.ApiKey}", r.Authorization));
        Assert.All(requests, r => Assert.Equal("openai/gpt-4.1-nano", r.Model));
        Assert.All(requests, r => Assert.StartsWith("Estimate the price of this product. Respond with the price, no explanation\n\nGadget t", r.Prompt));
        foreach (var p in predictions)
        {
            Assert.Matches(@"^\$\d+\.00$", p.RawReply);
            Assert.Equal(double.Parse(p.RawReply![1..], CultureInfo.InvariantCulture), p.Guess);
            Assert.Equal(5, p.OutputTokens);
            Assert.True(p.LatencyMs >= 30, $"latency {p.LatencyMs} ms is well below the server's 40 ms delay");
            Assert.False(p.CacheHit);
        }
        var inputTokens = requests.Sum(r => r.Prompt.Length / 4 + 1);
        Assert.Equal(inputTokens, summary.InputTokens);
        Assert.Equal(5 * LlmTestBed.TestItems, summary.OutputTokens);
        Assert.Equal((inputTokens * 10.0 + 5 * LlmTestBed.TestItems * 20.0) / 1e6, summary.CostUsd, 12);
        Assert.Equal(summary.CostUsd, (await bed.StoredRunAsync(run.Id)).CostUsd, 12);
        Assert.InRange(bed.Server.MostInFlight, 2, 4);
        Assert.Equal(LlmTestBed.TestItems, progress.Reports.Last().Done);
        Assert.Equal(LlmTestBed.TestItems, progress.Reports.Last().Total);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_server_asked_for()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.RetryAfterSeconds = 1;
        bed.Server.Enqueue(ChatFault.RateLimited);
        var progress = new ProgressLog();

        var (run, summary) = await bed.RunAsync(bed.Settings(concurrency: 1, first: 3), progress);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        var requests = bed.Server.Requests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(requests[0].Prompt, requests[1].Prompt);
        Assert.True(requests[1].ReceivedAtUtc - requests[0].ReceivedAtUtc >= TimeSpan.FromSeconds(0.95),
            $"retried after {(requests[1].ReceivedAtUtc - requests[0].ReceivedAtUtc).TotalMilliseconds} ms, before Retry-After: 1");
        Assert.Equal(3, (await bed.PredictionsAsync(run.Id)).Count);
        var retry = progress.Reports.First(r => r.LastRetry != null);
        Assert.Equal(1, retry.Retries);
        Assert.Contains("429", retry.LastRetry);
        Assert.Equal(1, progress.Reports.Last().Retries);
    }

    [Fact]
    public async Task A_500_a_dropped_connection_and_a_time_out_are_each_retried_once_and_the_run_completes()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.SlowDelay = TimeSpan.FromSeconds(30);
        bed.Server.Enqueue(ChatFault.ServerError, ChatFault.DropConnection, ChatFault.Slow);
        var settings = bed.Settings(concurrency: 1, first: 4);
        settings.Provider.TimeoutSeconds = 1;

        var (run, summary) = await bed.RunAsync(settings);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        var requests = bed.Server.Requests.ToList();
        Assert.Equal(7, requests.Count);
        Assert.Equal([requests[0].Prompt, requests[0].Prompt, requests[0].Prompt, requests[0].Prompt], requests.Take(4).Select(r => r.Prompt));
        Assert.Equal(4, (await bed.PredictionsAsync(run.Id)).Count);
        Assert.Equal(4, summary.Done);
    }

    [Fact]
    public async Task When_retries_run_out_the_run_fails_with_the_reason_and_keeps_what_it_priced()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        var settings = bed.Settings(concurrency: 1, first: 5);
        bed.Server.Reply = prompt => "$7";
        await bed.RunAsync(bed.Settings(concurrency: 1, first: 2));
        bed.Server.Enqueue(ChatFault.ServerError, ChatFault.ServerError, ChatFault.ServerError, ChatFault.ServerError);

        var (run, summary) = await bed.RunAsync(settings);

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Contains("500", summary.Error);
        Assert.Equal(2, summary.CacheHits);
        Assert.Equal(2, (await bed.PredictionsAsync(run.Id)).Count);
        Assert.Equal(RunStatus.Failed, (await bed.StoredRunAsync(run.Id)).Status);
    }

    [Fact]
    public async Task A_reply_with_no_number_is_a_guess_of_zero_that_keeps_its_raw_reply()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.Enqueue(ChatFault.NoNumber);

        var (run, summary) = await bed.RunAsync(bed.Settings(concurrency: 1, first: 2));

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        var first = (await bed.PredictionsAsync(run.Id))[0];
        Assert.Equal(0, first.Guess);
        Assert.Equal("I cannot tell the price of this product.", first.RawReply);
    }

    [Fact]
    public async Task Running_the_same_thing_again_is_answered_from_the_cache_and_costs_nothing()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        var (first, paid) = await bed.RunAsync(bed.Settings(first: 10));
        var sent = bed.Server.Requests.Count;

        var (second, cached) = await bed.RunAsync(bed.Settings(first: 10));

        Assert.Equal(sent, bed.Server.Requests.Count);
        Assert.Equal(RunStatus.Succeeded, cached.Status);
        Assert.Equal((10, 10, 0L, 0L, 0.0), (cached.Done, cached.CacheHits, cached.InputTokens, cached.OutputTokens, cached.CostUsd));
        Assert.True(paid.CostUsd > 0);
        Assert.Equal((await bed.PredictionsAsync(first.Id)).Select(p => (p.ItemId, p.Guess, p.RawReply)),
            (await bed.PredictionsAsync(second.Id)).Select(p => (p.ItemId, p.Guess, p.RawReply)));

        var seeded = bed.Settings(first: 10);
        seeded.Provider.Seed = 7;
        var (_, changed) = await bed.RunAsync(seeded);
        Assert.Equal(0, changed.CacheHits);
        Assert.Equal(sent + 10, bed.Server.Requests.Count);
    }

    [Fact]
    public async Task A_budget_stops_the_run_before_a_request_that_could_pass_it()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.PromptTokens = _ => 100;
        // Each call: 100 x $10/M + 5 x $20/M = $0.0011; $0.005 pays for four.
        var (run, summary) = await bed.RunAsync(bed.Settings(concurrency: 1, budget: 0.005));

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Contains("Stopped at the budget of $0.005: 4 of 40 items priced", summary.Error);
        Assert.Equal(4, summary.Done);
        Assert.Equal(4, bed.Server.Requests.Count);
        Assert.Equal(0.0044, summary.CostUsd, 12);

        var (_, wide) = await bed.RunAsync(bed.Settings(concurrency: 8, budget: 0.02) with { PromptTemplate = "Price? {text}" });
        Assert.Equal(RunStatus.Failed, wide.Status);
        Assert.InRange(wide.CostUsd, 0.0011, 0.02);
        Assert.True(wide.CostUsd + 0.0011 > 0.02 - 8 * 0.0011, $"stopped at ${wide.CostUsd}, far below the budget");
    }

    [Fact]
    public async Task A_cancelled_run_resumes_where_it_stopped_and_asks_only_for_the_items_it_lacks()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.HoldAfter(6);
        var run = await bed.Runs.CreateAsync("llm", "resumable", bed.Settings(concurrency: 2), "tester", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog();

        var execution = bed.Runs.ExecuteAsync(run.Id, progress, cancel.Token);
        await Eventually.TrueAsync(() => progress.Reports.Any(r => r.Done == 6) && bed.Server.Requests.Count == 8, TimeSpan.FromSeconds(20));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);

        var stopped = await bed.StoredRunAsync(run.Id);
        Assert.Equal(RunStatus.Cancelled, stopped.Status);
        Assert.Contains("resumes", stopped.Error);
        Assert.Equal(6, (await bed.PredictionsAsync(run.Id)).Count);
        var costBefore = stopped.CostUsd;
        bed.Server.Release();

        var summary = await bed.Runs.ExecuteAsync(run.Id, null, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.Equal(LlmTestBed.TestItems, summary.Done);
        Assert.Equal(8 + LlmTestBed.TestItems - 6, bed.Server.Requests.Count);
        Assert.Equal(LlmTestBed.TestItems, bed.Server.Requests.Select(r => r.Prompt).Distinct().Count());
        Assert.True(summary.CostUsd > costBefore);
        Assert.Equal(LlmTestBed.TestItems, (await bed.PredictionsAsync(run.Id)).Count);
    }

    [Fact]
    public async Task A_batch_that_cannot_be_stored_leaves_nothing_half_stored_and_the_resumed_run_asks_again_for_exactly_what_it_lacks()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        var doomed = (await bed.ItemsAsync(Split.Test))[20].Id;
        var crashAtDoomed = "CREATE TRIGGER crash BEFORE INSERT ON Predictions WHEN NEW.ItemId = "
            + doomed.ToString(CultureInfo.InvariantCulture) + " BEGIN SELECT RAISE(ABORT, 'simulated crash'); END";
        await using (var db = await bed.Database.Contexts.CreateDbContextAsync())
            await db.Database.ExecuteSqlRawAsync(crashAtDoomed);
        var run = await bed.Runs.CreateAsync("llm", "crashing", bed.Settings(concurrency: 4), "tester", CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => bed.Runs.ExecuteAsync(run.Id, null, CancellationToken.None));

        var stored = await bed.PredictionsAsync(run.Id);
        Assert.DoesNotContain(stored, p => p.ItemId == doomed);
        Assert.InRange(stored.Count, 0, LlmTestBed.TestItems - 1);
        var crashed = await bed.StoredRunAsync(run.Id);
        Assert.Equal(stored.Sum(p => (p.InputTokens!.Value * 10.0 + p.OutputTokens!.Value * 20.0) / 1e6), crashed.CostUsd, 12);
        await using (var db = await bed.Database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(stored.Count, await db.LlmResponses.CountAsync());
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER crash");
        }
        var sentBeforeCrash = bed.Server.Requests.Count;
        await bed.Database.Services.GetRequiredService<RunLifecycle>().InterruptUnfinishedAsync(CancellationToken.None);

        var summary = await bed.Runs.ExecuteAsync(run.Id, null, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, summary.Status);
        Assert.Equal((LlmTestBed.TestItems, 0), (summary.Done, summary.CacheHits));
        Assert.Equal(sentBeforeCrash + LlmTestBed.TestItems - stored.Count, bed.Server.Requests.Count);
        Assert.Equal(LlmTestBed.TestItems, (await bed.PredictionsAsync(run.Id)).Select(p => p.ItemId).Distinct().Count());
    }

    [Fact]
    public async Task A_key_echoed_by_the_server_never_reaches_the_run_error_or_the_database()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        bed.Server.Enqueue(ChatFault.EchoKeyUnauthorized);

        var (run, summary) = await bed.RunAsync(bed.Settings(concurrency: 1, first: 3));

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Contains("401", summary.Error);
        Assert.Contains(SecretScrubber.Mask, summary.Error);
        Assert.DoesNotContain(bed.ApiKey, summary.Error);
        Assert.Single(bed.Server.Requests);
        var stored = await bed.StoredRunAsync(run.Id);
        Assert.DoesNotContain(bed.ApiKey, stored.Error);
        Assert.DoesNotContain(bed.ApiKey, stored.Configuration);
        Assert.Contains(bed.KeyVariable, stored.Configuration);
        foreach (var file in Directory.GetFiles(bed.Database.DataDirectory))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.DoesNotContain(bed.ApiKey, await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task A_key_variable_that_is_not_set_fails_the_run_naming_the_variable()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        var settings = bed.Settings();
        settings.Provider.ApiKeyEnvironmentVariable = "PRICER_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..6];

        var (_, summary) = await bed.RunAsync(settings);

        Assert.Equal(RunStatus.Failed, summary.Status);
        Assert.Contains(settings.Provider.ApiKeyEnvironmentVariable, summary.Error);
        Assert.Empty(bed.Server.Requests);
    }

    [Theory]
    [InlineData("How much?", "must contain {text}")]
    [InlineData("", "empty")]
    public async Task A_template_without_the_item_text_is_refused_and_nothing_is_stored(string template, string expected)
    {
        await using var bed = await LlmTestBed.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            bed.Runs.CreateAsync("llm", null, bed.Settings() with { PromptTemplate = template }, "tester", CancellationToken.None));

        Assert.Contains(expected, error.Message);
        Assert.Empty(await bed.PredictionsAsync(1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => bed.StoredRunAsync(1));
    }

    [Fact]
    public async Task Bad_provider_settings_are_all_named_and_rag_without_embeddings_is_refused_with_how_to_embed()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        var settings = bed.Settings() with { Rag = true };
        settings.Provider.BaseUrl = "ftp://example";
        settings.Provider.Concurrency = 0;
        var onTraining = bed.Settings() with { Rag = true, Items = new LlmItemSet { Split = Split.Train } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bed.Runs.CreateAsync("llm", null, settings, "tester", CancellationToken.None));
        var training = await Assert.ThrowsAsync<ArgumentException>(() => bed.Runs.CreateAsync("llm", null, onTraining, "tester", CancellationToken.None));

        Assert.Contains("not an http(s) address", error.Message);
        Assert.Contains("Concurrency 0", error.Message);
        Assert.Contains("RAG needs the training items of data set 'llm' embedded", error.Message);
        Assert.Contains("(0 of 10 are)", error.Message);
        Assert.Contains("\"Embed now\"", error.Message);
        Assert.Contains("`pricer embed --dataset llm`", error.Message);
        Assert.Contains(LlmRunService.RagPricesTrainingItems, training.Message);
        Assert.Equal(await bed.Runs.RagProblemAsync("llm", CancellationToken.None), error.Message[error.Message.IndexOf("RAG needs", StringComparison.Ordinal)..]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bed.StoredRunAsync(1));
        Assert.Empty(bed.Server.Requests);
    }

    [Fact]
    public async Task A_rag_run_shows_the_five_nearest_training_items_with_their_prices_nearest_first_and_is_cached_apart_from_a_plain_run()
    {
        await using var bed = await LlmTestBed.CreateAsync();
        await bed.EmbedAsync();
        var plain = bed.Settings(first: 6);

        var (_, plainSummary) = await bed.RunAsync(plain);
        var (ragRun, ragSummary) = await bed.RunAsync(plain with { Rag = true });
        var (_, againSummary) = await bed.RunAsync(plain with { Rag = true });

        Assert.Null(await bed.Runs.RagProblemAsync("llm", CancellationToken.None));
        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (plainSummary.Status, ragSummary.Status));
        Assert.Equal("openai/gpt-4.1-nano + RAG", ragRun.Name);
        Assert.Equal((6, 0), (ragSummary.Done, ragSummary.CacheHits));
        Assert.Equal(6, againSummary.CacheHits);
        Assert.Equal(12, bed.Server.Requests.Count);
        var training = (await bed.ItemsAsync(Split.Train)).Select(i => i.Id).ToHashSet();
        var priced = (await bed.ItemsAsync(Split.Test)).Take(6).ToList();
        var similar = bed.Database.Services.GetRequiredService<ISimilarItems>();
        var ragPrompts = bed.Server.Requests.Skip(6).Select(r => r.Prompt).ToList();
        foreach (var item in priced)
        {
            var plainPrompt = PromptTemplate.Render(PromptTemplate.Frontier, item.Text);
            var prompt = Assert.Single(ragPrompts, p => p.StartsWith(plainPrompt + "\n\n", StringComparison.Ordinal));
            var nearest = await similar.FindAsync(bed.Dataset.Id, item.Text, 5);
            Assert.Equal(5, nearest.Count);
            Assert.All(nearest, n => Assert.Contains(n.ItemId, training));
            Assert.Equal(nearest.OrderByDescending(n => n.Similarity).Select(n => n.ItemId), nearest.Select(n => n.ItemId));
            var expected = new StringBuilder(plainPrompt).Append("\n\nTo help you, here are some other items that might be similar, with their prices:\n");
            foreach (var n in nearest) expected.Append(CultureInfo.InvariantCulture, $"\nPotentially related product:\n{n.Text}\nPrice is ${n.Price:F2}\n");
            Assert.Equal(expected.ToString(), prompt);
            Assert.Equal(5, prompt.Split("Potentially related product:").Length - 1);
        }
    }
}
