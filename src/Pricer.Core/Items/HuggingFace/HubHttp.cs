using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Sends the Hub's GET requests: the token goes only to the Hub's own origin (never to the CDN a download is
/// redirected to), redirects are followed by hand so that rule holds, and network failures and 429/5xx
/// answers are retried with backoff, honouring Retry-After.
/// </summary>
internal sealed class HubHttp(HttpClient http, HuggingFaceOptions options, ILogger logger)
{
    private const int MaxRedirects = 10;

    /// <summary>Returns the final answer (any status but a redirect) once retries are spent or not needed.</summary>
    /// <exception cref="HubException">The Hub could not be reached after the retries, or redirected badly.</exception>
    public async Task<HttpResponseMessage> GetAsync(Uri uri, long? rangeFrom, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await GetFollowingRedirectsAsync(uri, rangeFrom, cancellationToken);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                if (attempt >= options.MaxRetries)
                    throw new HubException(
                        $"Could not reach the Hugging Face Hub at {options.Endpoint} after {attempt + 1} tries ({Describe(e)}). " +
                        "Check the network connection and the HuggingFace:Endpoint setting.", null, e);
                var delay = Backoff(attempt);
                logger.LogWarning("Hub request {Url} failed ({Error}); retry {Attempt} of {MaxRetries} in {Delay}",
                    ForLog(uri), Describe(e), attempt + 1, options.MaxRetries, delay);
                await Task.Delay(delay, cancellationToken);
                continue;
            }

            if (!IsRetryable(response.StatusCode) || attempt >= options.MaxRetries) return response;
            var wait = RetryAfter(response) ?? Backoff(attempt);
            logger.LogWarning("Hub answered {Status} for {Url}; retry {Attempt} of {MaxRetries} in {Delay}",
                (int)response.StatusCode, ForLog(uri), attempt + 1, options.MaxRetries, wait);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1: doubling from RetryDelay, capped.</summary>
    public TimeSpan Backoff(int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks * (1L << Math.Min(attempt, 20))));

    /// <summary>A failure worth another try: the network, a dropped connection or a timeout, not the caller's cancellation.</summary>
    public static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static string Describe(Exception e) => e is OperationCanceledException ? "no answer in time" : e.Message;

    /// <summary>An address as it may appear in a log: without the query, which may carry a CDN signature.</summary>
    public static string ForLog(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private async Task<HttpResponseMessage> GetFollowingRedirectsAsync(Uri uri, long? rangeFrom, CancellationToken cancellationToken)
    {
        var token = options.ReadToken();
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (rangeFrom is { } from) request.Headers.Range = new RangeHeaderValue(from, null);
            if (token is not null && IsHubOrigin(current)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            logger.LogDebug("GET {Url} (authenticated: {Authenticated}, from byte {From})", ForLog(current), request.Headers.Authorization is not null, rangeFrom ?? 0);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!IsRedirect(response.StatusCode)) return response;

            var location = response.Headers.Location;
            response.Dispose();
            var next = location is null ? null : location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next is null || next.Scheme is not ("http" or "https") || hop >= MaxRedirects)
                throw new HubException($"The Hub redirected {ForLog(uri)} to no usable address (or more than {MaxRedirects} times).");
            if (current.Scheme == "https" && next.Scheme == "http")
                throw new HubException($"Refused a redirect of {ForLog(uri)} from https to plain http ({ForLog(next)}).");
            current = next;
        }
    }

    private bool IsHubOrigin(Uri uri)
    {
        var hub = options.EndpointUri;
        return uri.Scheme == hub.Scheme && uri.Port == hub.Port && string.Equals(uri.Host, hub.Host, StringComparison.OrdinalIgnoreCase);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, options.MaxRetryDelay.Ticks));
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
