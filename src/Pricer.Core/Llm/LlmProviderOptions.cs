namespace Pricer.Core.Llm;

/// <summary>
/// One OpenAI-compatible chat endpoint and model with its prices and call settings. It names the environment
/// variable that holds the key, never the key itself, so it can be stored with a run and shown to users.
/// </summary>
public sealed class LlmProviderOptions
{
    public string Name { get; set; } = "";

    /// <summary>The API root the SDK appends "chat/completions" to, e.g. "https://api.openai.com/v1".</summary>
    public string BaseUrl { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>The environment variable holding the API key; empty for endpoints that need none (a local Ollama).</summary>
    public string ApiKeyEnvironmentVariable { get; set; } = "";

    public double InputUsdPerMillionTokens { get; set; }

    public double OutputUsdPerMillionTokens { get; set; }

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>"minimal", "low", "medium" or "high" for reasoning models; null leaves the model's default.</summary>
    public string? ReasoningEffort { get; set; }

    public long? Seed { get; set; }

    public int? MaxOutputTokens { get; set; }

    public double? Temperature { get; set; }

    /// <summary>Seconds one attempt may take before it counts as timed out and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries after a 429, a 5xx, a time-out or a dropped connection, before the run fails.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first back-off when the server names no Retry-After; each retry doubles it (up to a minute).</summary>
    public double RetryBaseDelaySeconds { get; set; } = 0.5;

    public double CostUsd(long inputTokens, long outputTokens) =>
        (inputTokens * InputUsdPerMillionTokens + outputTokens * OutputUsdPerMillionTokens) / 1_000_000;

    /// <summary>A copy with the same settings, for runs that override some of them.</summary>
    public LlmProviderOptions Copy() => (LlmProviderOptions)MemberwiseClone();

    /// <summary>Problems that make the provider unusable, in words for the user; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            problems.Add($"Base URL '{BaseUrl}' is not an http(s) address.");
        if (string.IsNullOrWhiteSpace(Model)) problems.Add("No model is named.");
        if (Concurrency is < 1 or > 256) problems.Add($"Concurrency {Concurrency} is outside 1..256.");
        if (InputUsdPerMillionTokens < 0 || OutputUsdPerMillionTokens < 0) problems.Add("Token prices cannot be negative.");
        if (MaxOutputTokens is < 1) problems.Add("Max tokens must be at least 1.");
        if (TimeoutSeconds <= 0) problems.Add("The time-out must be positive.");
        if (MaxRetries < 0) problems.Add("Retries cannot be negative.");
        if (RetryBaseDelaySeconds < 0) problems.Add("The retry delay cannot be negative.");
        return problems;
    }
}
