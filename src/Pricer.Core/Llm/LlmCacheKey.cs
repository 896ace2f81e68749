using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pricer.Core.Llm;

/// <summary>
/// The response cache's key: a SHA-256 over the endpoint, model, request parameters and messages, so that
/// the same request asked twice is answered once and any change to what is sent misses the cache.
/// </summary>
public static class LlmCacheKey
{
    public static string For(LlmProviderOptions provider, string prompt)
    {
        var request = new
        {
            endpoint = provider.BaseUrl.Trim().TrimEnd('/').ToLowerInvariant(),
            model = provider.Model.Trim(),
            max_tokens = provider.MaxOutputTokens,
            seed = provider.Seed,
            reasoning_effort = provider.ReasoningEffort?.Trim().ToLowerInvariant(),
            temperature = provider.Temperature,
            messages = new[] { new { role = "user", content = prompt } },
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
    }
}
