namespace Pricer.Core.Items.HuggingFace;

/// <summary>How PricerWeb reaches the Hugging Face Hub. Bound from the "HuggingFace" section.</summary>
public sealed class HuggingFaceOptions
{
    public const string SectionName = "HuggingFace";

    /// <summary>The Hub's base address (a mirror or a test server may stand in for it).</summary>
    public string Endpoint { get; set; } = "https://huggingface.co";

    /// <summary>
    /// The environment variable that holds the access token for private or gated data sets. The token itself is
    /// never configured, stored, logged or shown; it is read from the environment for each request.
    /// </summary>
    public string TokenEnvironmentVariable { get; set; } = "HF_TOKEN";

    /// <summary>The branch, tag or commit used when a source names none ("hf:owner/name").</summary>
    public string Revision { get; set; } = "main";

    /// <summary>How long to wait for the Hub to start answering a request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a download may go without receiving a byte before it is retried.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a network failure, a dropped download or a 429/5xx answer.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first wait between retries; it doubles on each further retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries, including one the Hub asks for with Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The least time between two download progress reports.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    internal Uri EndpointUri => new(Endpoint.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>The token from the environment, or null when none is set.</summary>
    internal string? ReadToken() =>
        Environment.GetEnvironmentVariable(TokenEnvironmentVariable)?.Trim() is { Length: > 0 } token ? token : null;
}
