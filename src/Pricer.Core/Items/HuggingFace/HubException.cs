using System.Net;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// The Hub could not be reached or refused a request; the message says what to do about it and never
/// contains the access token.
/// </summary>
public sealed class HubException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The Hub's answer, or null when there was none (network failure, bad listing, corrupt download).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
