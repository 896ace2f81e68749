using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pricer.Core.Llm;

/// <summary>
/// The response cache's key: a SHA-256 over the JSON of the endpoint, model, request parameters and messages, so
/// that the same request asked twice is answered once and any change to what is sent misses the cache. The JSON
/// around the prompt is the same for every item of a run, so it is written once per provider.
/// </summary>
public sealed class LlmCacheKey
{
    private readonly byte[] _beforePrompt;
    private readonly byte[] _afterPrompt;

    public LlmCacheKey(LlmProviderOptions provider)
    {
        var request = new
        {
            endpoint = provider.BaseUrl.Trim().TrimEnd('/').ToLowerInvariant(),
            model = provider.Model.Trim(),
            max_tokens = provider.MaxOutputTokens,
            seed = provider.Seed,
            reasoning_effort = provider.ReasoningEffort?.Trim().ToLowerInvariant(),
            temperature = provider.Temperature,
            messages = new[] { new { role = "user", content = "" } },
        };
        var json = JsonSerializer.Serialize(request);
        const string emptyPromptAndEnd = "\"\"}]}";
        _beforePrompt = Encoding.UTF8.GetBytes(json[..^emptyPromptAndEnd.Length]);
        _afterPrompt = Encoding.UTF8.GetBytes(emptyPromptAndEnd[2..]);
    }

    public static string For(LlmProviderOptions provider, string prompt) => new LlmCacheKey(provider).Of(prompt);

    /// <summary>The key of the request that sends <paramref name="prompt"/>.</summary>
    public string Of(string prompt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_beforePrompt);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(prompt));
        hash.AppendData(_afterPrompt);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
