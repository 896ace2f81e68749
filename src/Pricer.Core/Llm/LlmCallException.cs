namespace Pricer.Core.Llm;

/// <summary>
/// A chat call that failed. The message is safe to show: it never holds the API key (see <see cref="SecretScrubber"/>).
/// </summary>
public sealed class LlmCallException(string message, int? status, bool transient, TimeSpan? retryAfter) : Exception(message)
{
    /// <summary>The HTTP status, or null when no response came (a time-out or a dropped connection).</summary>
    public int? Status { get; } = status;

    /// <summary>Worth retrying: 408, 429, 5xx, a time-out or a dropped connection.</summary>
    public bool Transient { get; } = transient;

    /// <summary>The wait the server asked for (Retry-After), where it named one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;
}
