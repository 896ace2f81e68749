using Pricer.Core.Llm;
using Pricer.Testing.Llm;

namespace PricerWeb.Tests.Llm;

/// <summary>The SDK-backed endpoint on its own, against the loopback chat server.</summary>
public sealed class OpenAiChatEndpointTests
{
    [Fact]
    public async Task Concurrent_calls_each_send_their_own_prompt_and_get_their_own_reply()
    {
        await using var server = LoopbackChatServer.Start();
        server.Reply = prompt => "reply to " + prompt;
        var provider = new LlmProviderOptions { Name = "loopback", BaseUrl = server.BaseUrl, Model = "m", Concurrency = 32, Seed = 1, MaxOutputTokens = 20 };
        var endpoint = new OpenAiChatEndpoint(provider, ApiKeys.NoKey);
        var prompts = Enumerable.Range(0, 600).Select(i => $"prompt {i}").ToList();

        var replies = new string[prompts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, prompts.Count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, token) => replies[i] = (await endpoint.CompleteAsync(prompts[i], token)).Text);

        Assert.Equal(prompts.Select(p => "reply to " + p), replies);
        Assert.Equal(prompts.Order(StringComparer.Ordinal), server.Requests.Select(r => r.Prompt).Order(StringComparer.Ordinal));
        Assert.All(server.Requests, r => Assert.Contains("\"seed\":1", r.Body));
    }
}
