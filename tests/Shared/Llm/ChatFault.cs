namespace Pricer.Testing.Llm;

/// <summary>What the loopback chat server does instead of a plain answer, for one request.</summary>
public enum ChatFault
{
    /// <summary>429 with Retry-After (<see cref="LoopbackChatServer.RetryAfterSeconds"/>).</summary>
    RateLimited,

    /// <summary>500 with an error body.</summary>
    ServerError,

    /// <summary>200 with a reply that names no number.</summary>
    NoNumber,

    /// <summary>Closes the connection without answering.</summary>
    DropConnection,

    /// <summary>Waits <see cref="LoopbackChatServer.SlowDelay"/> before the usual answer.</summary>
    Slow,

    /// <summary>401 whose error message repeats the bearer token it was sent, as some servers do.</summary>
    EchoKeyUnauthorized,
}
