namespace Pricer.Core.Llm;

/// <summary>One attempt at a single-message chat completion; retries belong to the caller.</summary>
public interface IChatEndpoint
{
    /// <exception cref="LlmCallException">The endpoint answered with an error, timed out or dropped the connection.</exception>
    Task<ChatReply> CompleteAsync(string prompt, CancellationToken cancellationToken);
}
