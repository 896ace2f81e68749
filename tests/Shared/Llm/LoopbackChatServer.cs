using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pricer.Testing.Llm;

/// <summary>
/// An OpenAI-compatible chat server on 127.0.0.1 (HttpListener, so every test project and the bench can host it):
/// POST .../chat/completions answers with a reply and usage after <see cref="Delay"/>. Queued faults apply to the
/// next requests in order: 429 with Retry-After, 500, a reply with no number, a dropped connection, a slow answer
/// or a 401 that echoes the key. Every request is recorded.
/// </summary>
public sealed class LoopbackChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ChatFault> _faults = new();
    private readonly Task _serving;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;
    private long _answered;
    private int _holdAfter = int.MaxValue;
    private int _inFlight;
    private int _mostInFlight;

    private LoopbackChatServer(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base URL a client is configured with ("http://127.0.0.1:PORT/v1").</summary>
    public string BaseUrl { get; }

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Delay { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>The reply to a prompt; by default a price derived from the prompt's length ("$123.00").</summary>
    public Func<string, string> Reply { get; set; } = prompt => string.Create(CultureInfo.InvariantCulture, $"${prompt.Length % 500 + 1}.00");

    /// <summary>Billed prompt tokens for a prompt; by default one per 4 characters.</summary>
    public Func<string, int> PromptTokens { get; set; } = prompt => prompt.Length / 4 + 1;

    public int CompletionTokens { get; set; } = 5;

    public ConcurrentQueue<SeenChatRequest> Requests { get; } = new();

    /// <summary>The most requests that were being answered at one time.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public static LoopbackChatServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackChatServer(port);
    }

    /// <summary>Makes the next requests (one per fault, in order) misbehave.</summary>
    public void Enqueue(params ChatFault[] faults)
    {
        foreach (var fault in faults) _faults.Enqueue(fault);
    }

    /// <summary>Answers the first <paramref name="requests"/> requests; later ones wait for <see cref="Release"/>.</summary>
    public void HoldAfter(int requests) => Volatile.Write(ref _holdAfter, requests);

    public void Release() => _released.TrySetResult();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var most = Volatile.Read(ref _mostInFlight); now > most; most = Volatile.Read(ref _mostInFlight))
            Interlocked.CompareExchange(ref _mostInFlight, now, most);
        try
        {
            await AnswerCoreAsync(context);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (a cancelled run); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerCoreAsync(HttpListenerContext context)
    {
        var body = await ReadBodyAsync(context.Request);
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            await WriteAsync(context.Response, 404, """{"error":{"message":"not found"}}"""u8.ToArray());
            return;
        }
        var (model, prompt) = ReadRequest(body);
        ChatFault? fault = _faults.TryDequeue(out var next) ? next : null;
        var authorization = context.Request.Headers["Authorization"];
        Requests.Enqueue(new SeenChatRequest(DateTime.UtcNow, model, prompt, authorization, Encoding.UTF8.GetString(body), fault));

        if (Interlocked.Increment(ref _received) > Volatile.Read(ref _holdAfter)) await _released.Task;
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        switch (fault)
        {
            case ChatFault.RateLimited:
                context.Response.AddHeader("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
                await WriteAsync(context.Response, 429, """{"error":{"message":"Rate limit reached","type":"rate_limit"}}"""u8.ToArray());
                return;
            case ChatFault.ServerError:
                await WriteAsync(context.Response, 500, """{"error":{"message":"The server had an error","type":"server_error"}}"""u8.ToArray());
                return;
            case ChatFault.DropConnection:
                // Headers and the start of a body, then the connection closes: the reply is cut off.
                context.Response.StatusCode = 200;
                context.Response.ContentLength64 = 1000;
                await context.Response.OutputStream.WriteAsync("{\"id\":"u8.ToArray());
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                return;
            case ChatFault.EchoKeyUnauthorized:
                var echoed = JsonSerializer.Serialize($"Incorrect API key provided: {authorization?.Replace("Bearer ", "", StringComparison.Ordinal)}");
                await WriteAsync(context.Response, 401, Encoding.UTF8.GetBytes($$$"""{"error":{"message":{{{echoed}}},"type":"invalid_request_error"}}"""));
                return;
            case ChatFault.Slow:
                await Task.Delay(SlowDelay);
                break;
        }
        var reply = fault == ChatFault.NoNumber ? "I cannot tell the price of this product." : Reply(prompt);
        await WriteAsync(context.Response, 200, Completion(model, reply, PromptTokens(prompt)));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        if (request.ContentLength64 is > 0 and < int.MaxValue)
        {
            var body = new byte[request.ContentLength64];
            await request.InputStream.ReadExactlyAsync(body);
            return body;
        }
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>The model and the last message's text; what a chat request that is not JSON lacks is empty.</summary>
    private static (string Model, string Prompt) ReadRequest(byte[] body)
    {
        try
        {
            using var request = JsonDocument.Parse(body);
            var root = request.RootElement;
            var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            var prompt = root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
                && messages[messages.GetArrayLength() - 1].TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? content.GetString()!
                : "";
            return (model, prompt);
        }
        catch (JsonException)
        {
            return ("", "");
        }
    }

    private byte[] Completion(string model, string reply, int promptTokens)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"chatcmpl-{Interlocked.Increment(ref _answered)}"));
            json.WriteString("object", "chat.completion");
            json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            json.WriteString("model", model);
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", reply);
            json.WriteEndObject();
            json.WriteString("finish_reason", "stop");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("usage");
            json.WriteNumber("prompt_tokens", promptTokens);
            json.WriteNumber("completion_tokens", CompletionTokens);
            json.WriteNumber("total_tokens", promptTokens + CompletionTokens);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, byte[] json)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = json.Length;
        await response.OutputStream.WriteAsync(json);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
