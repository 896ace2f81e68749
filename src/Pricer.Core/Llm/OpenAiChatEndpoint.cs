using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using OpenAI;
using OpenAI.Chat;

namespace Pricer.Core.Llm;

/// <summary>
/// A chat endpoint reached through the OpenAI .NET SDK at any OpenAI-compatible base URL (OpenAI, a LiteLLM
/// proxy, Ollama). The SDK's own retries are switched off: <see cref="LlmBatchPricer"/> retries, so a request is
/// never retried twice over, and every error leaves here as an <see cref="LlmCallException"/> without the key.
/// </summary>
public sealed class OpenAiChatEndpoint : IChatEndpoint
{
    private const int LongestErrorShown = 500;

    private readonly ChatClient _client;
    private readonly LlmProviderOptions _provider;
    private readonly SecretScrubber _scrubber;

    public OpenAiChatEndpoint(LlmProviderOptions provider, string apiKey)
    {
        _scrubber = new SecretScrubber(apiKey);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(provider.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(provider.TimeoutSeconds),
        };
        _client = new ChatClient(provider.Model, new ApiKeyCredential(apiKey), clientOptions);
        _provider = provider;
    }

    public async Task<ChatReply> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        try
        {
            // Options per call: the SDK writes each call's messages into the options object it is given.
            ChatCompletion completion = await _client.CompleteChatAsync([new UserChatMessage(prompt)], CompletionOptions(_provider), cancellationToken);
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return new ChatReply(text, completion.Usage?.InputTokenCount ?? 0, completion.Usage?.OutputTokenCount ?? 0);
        }
        catch (ClientResultException e)
        {
            var status = e.Status == 0 ? (int?)null : e.Status;
            var transient = status is not { } code || LlmCallException.IsTransientStatus(code);
            throw new LlmCallException(Describe(e, status), status, transient, RetryAfter(e.GetRawResponse()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmCallException("The request timed out.", null, transient: true, retryAfter: null);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new LlmCallException("The endpoint's reply was not a chat completion.", null, transient: true, retryAfter: null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new LlmCallException($"The connection failed: {_scrubber.Scrub(e.Message)}", null, transient: true, retryAfter: null);
        }
    }

    private string Describe(ClientResultException e, int? status)
    {
        var detail = _scrubber.Scrub(e.Message).ReplaceLineEndings(" ").Trim();
        if (detail.Length > LongestErrorShown) detail = detail[..LongestErrorShown] + "…";
        return status is { } code ? $"The endpoint answered {code}: {detail}" : $"No response: {detail}";
    }

    /// <summary>Retry-After as seconds or an HTTP date, or the retry-after-ms header some proxies send.</summary>
    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    private static ChatCompletionOptions CompletionOptions(LlmProviderOptions provider)
    {
        var options = new ChatCompletionOptions { MaxOutputTokenCount = provider.MaxOutputTokens, Temperature = (float?)provider.Temperature };
#pragma warning disable OPENAI001 // Seed and reasoning effort are marked experimental in the SDK; both are plain request fields.
        options.Seed = provider.Seed;
        if (!string.IsNullOrWhiteSpace(provider.ReasoningEffort))
            options.ReasoningEffortLevel = new ChatReasoningEffortLevel(provider.ReasoningEffort.Trim().ToLowerInvariant());
#pragma warning restore OPENAI001
        return options;
    }
}
