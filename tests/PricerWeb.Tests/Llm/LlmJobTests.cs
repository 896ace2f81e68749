using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Llm;
using Pricer.Testing.Llm;
using PricerWeb.Features.Llm;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.Runs;

namespace PricerWeb.Tests.Llm;

/// <summary>LLM runs queued in the app, as the /llm page queues them.</summary>
public sealed class LlmJobTests
{
    [Fact]
    public async Task A_finished_run_keeps_its_tokens_and_cost_in_the_log_saved_with_it()
    {
        await using var server = LoopbackChatServer.Start();
        await using var app = await RunsApp.StartAsync();
        var settings = new LlmRunSettings
        {
            Provider = new LlmProviderOptions
            {
                Name = "loopback", BaseUrl = server.BaseUrl, Model = "m", InputUsdPerMillionTokens = 1000, OutputUsdPerMillionTokens = 2000,
            },
            Items = new LlmItemSet { Split = Split.Test },
        };

        var run = await app.Services.GetRequiredService<LlmRuns>().StartAsync(RunsApp.Dataset, settings, "logged", "tester", CancellationToken.None);
        await app.WaitForStatusAsync(run.Id, RunStatus.Succeeded);

        var tokensIn = server.Requests.Sum(r => r.Prompt.Length / 4 + 1);
        var snapshot = await app.Services.GetRequiredService<RunMonitor>().SnapshotAsync(run.Id, CancellationToken.None);
        var cost = (tokensIn * 1000.0 + 2 * 5 * 2000.0) / 1e6;
        Assert.EndsWith(LlmJob.Describe(new LlmRunProgress(run.Id, 2, 2, 0, tokensIn, 10, cost, 0, null)), snapshot!.Log[^1]);
        Assert.Contains($"{tokensIn} tokens in, 10 out", snapshot.Log[^1]);
    }
}
