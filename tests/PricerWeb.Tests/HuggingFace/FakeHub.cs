using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PricerWeb.Tests.HuggingFace;

/// <summary>
/// A loopback stand-in for the Hugging Face Hub on real Kestrel servers: the tree API with Link-header pages,
/// the parquet-conversion API, and resolve URLs that answer 302 to a second server (another port, so another
/// origin) acting as the CDN, which honours Range requests. It records every request, and can demand a token,
/// answer 429 with Retry-After once, drop a connection mid-file once, or ignore ranges.
/// </summary>
public sealed partial class FakeHub : IAsyncDisposable
{
    private readonly WebApplication _hub;
    private readonly WebApplication _cdn;
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new();
    private int _rateLimited;
    private int _dropped;

    private FakeHub()
    {
        _hub = Server(HandleHubAsync);
        _cdn = Server(HandleCdnAsync);
    }

    public string Repo { get; init; } = "ed-donner/items_lite";

    public string Revision { get; init; } = "main";

    /// <summary>The repository's parquet files by path, as the tree API lists them.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Files of the Hub's automatic conversion: split name to shards, served by /api/datasets/{repo}/parquet.</summary>
    public Dictionary<string, List<byte[]>> Converted { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths whose listed sha256 is deliberately wrong.</summary>
    public HashSet<string> WrongSha { get; } = [];

    public int PageSize { get; set; } = 1000;

    public string? RequiredToken { get; set; }

    public bool RateLimitFirstListing { get; set; }

    public bool IgnoreRange { get; set; }

    /// <summary>Drops the connection once, after this many bytes of this path, once <c>BeforeDrop</c> completes.</summary>
    public (string Path, int AfterBytes, Func<Task> BeforeDrop)? DropOnce { get; set; }

    /// <summary>With <see cref="DropOnce"/>: stall (send nothing more, keep the connection open) instead of dropping.</summary>
    public bool StallInsteadOfDrop { get; set; }

    public Uri Endpoint { get; private set; } = null!;

    public Uri Cdn { get; private set; } = null!;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public IEnumerable<SeenRequest> CdnRequests => Requests.Where(r => r.Server == "cdn");

    public IEnumerable<SeenRequest> ListingRequests => Requests.Where(r => r.Server == "hub" && r.Path.Contains("/tree/"));

    public static async Task<FakeHub> StartAsync(Action<FakeHub>? configure = null)
    {
        var hub = new FakeHub();
        configure?.Invoke(hub);
        hub.Endpoint = await StartAsync(hub._hub);
        hub.Cdn = await StartAsync(hub._cdn);
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _cdn.DisposeAsync();
    }

    private async Task HandleHubAsync(HttpContext context)
    {
        Record("hub", context);
        var path = context.Request.Path.Value ?? "";
        if (RequiredToken is not null && context.Request.Headers.Authorization != $"Bearer {RequiredToken}")
        {
            await Error(context, HttpStatusCode.Unauthorized, null, "Invalid credentials in Authorization header");
            return;
        }

        var match = HubRoute().Match(path);
        if (!match.Success) { context.Response.StatusCode = 404; return; }
        if ($"{match.Groups["owner"].Value}/{match.Groups["name"].Value}" != Repo)
        {
            await Error(context, HttpStatusCode.NotFound, "RepoNotFound", "Repository not found");
            return;
        }

        var rest = match.Groups["rest"].Value;
        switch (match.Groups["kind"].Value)
        {
            case "api/datasets" when rest.StartsWith("tree/", StringComparison.Ordinal):
                await TreeAsync(context, rest["tree/".Length..]);
                break;
            case "api/datasets" when rest == "parquet":
                await ConvertedIndexAsync(context);
                break;
            case "api/datasets" when ConvertedShard().Match(rest) is { Success: true } shard
                                     && Converted.TryGetValue(shard.Groups["split"].Value, out var shards)
                                     && int.Parse(shard.Groups["n"].Value) < shards.Count:
                RedirectToCdn(context, shards[int.Parse(shard.Groups["n"].Value)]);
                break;
            case "datasets" when rest.StartsWith($"resolve/{Revision}/", StringComparison.Ordinal):
                var file = rest[$"resolve/{Revision}/".Length..];
                if (Files.TryGetValue(file, out var content)) RedirectToCdn(context, content);
                else await Error(context, HttpStatusCode.NotFound, "EntryNotFound", $"{file} does not exist on \"{Revision}\"");
                break;
            default:
                await Error(context, HttpStatusCode.NotFound, "RevisionNotFound", "Invalid rev id");
                break;
        }
    }

    private async Task TreeAsync(HttpContext context, string revision)
    {
        if (revision != Revision)
        {
            await Error(context, HttpStatusCode.NotFound, "RevisionNotFound", "Invalid rev id");
            return;
        }
        if (RateLimitFirstListing && Interlocked.Exchange(ref _rateLimited, 1) == 0)
        {
            context.Response.Headers.RetryAfter = "1";
            await Error(context, HttpStatusCode.TooManyRequests, null, "Rate limited");
            return;
        }

        var entries = TreeEntries();
        var from = int.TryParse(context.Request.Query["cursor"], out var cursor) ? cursor : 0;
        var page = entries.Skip(from).Take(PageSize).ToList();
        if (from + PageSize < entries.Count)
            context.Response.Headers.Link = $"<{Endpoint}api/datasets/{Repo}/tree/{revision}?recursive=true&cursor={from + PageSize}>; rel=\"next\"";
        await context.Response.WriteAsJsonAsync(page);
    }

    private List<object> TreeEntries()
    {
        var entries = new List<object>
        {
            new { type = "file", oid = GitOid(".gitattributes"), size = 2307, path = ".gitattributes" },
            new { type = "file", oid = GitOid("README.md"), size = 611, path = "README.md" },
        };
        foreach (var folder in Files.Keys.Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/')).Where(f => f.Length > 0).Distinct().Order())
            entries.Add(new { type = "directory", oid = GitOid(folder), size = 0, path = folder });
        foreach (var (path, content) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var sha = WrongSha.Contains(path) ? new string('0', 64) : Sha256(content);
            entries.Add(new { type = "file", oid = GitOid(path), size = content.Length, path, lfs = new { oid = sha, size = content.Length, pointerSize = 135 } });
        }
        return entries;
    }

    private async Task ConvertedIndexAsync(HttpContext context)
    {
        if (Converted.Count == 0)
        {
            await Error(context, HttpStatusCode.NotFound, null, "Not found");
            return;
        }
        var splits = Converted.ToDictionary(s => s.Key,
            s => s.Value.Select((_, n) => $"{Endpoint}api/datasets/{Repo}/parquet/default/{s.Key}/{n}.parquet").ToList());
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object> { ["default"] = splits });
    }

    private void RedirectToCdn(HttpContext context, byte[] content)
    {
        var sha = Sha256(content);
        _blobs[sha] = content;
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = $"{Cdn}blobs/{sha}?X-Amz-Signature=fake-signature";
    }

    private async Task HandleCdnAsync(HttpContext context)
    {
        Record("cdn", context);
        var sha = context.Request.Path.Value?.Split('/').Last() ?? "";
        if (!_blobs.TryGetValue(sha, out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var from = 0L;
        if (!IgnoreRange && RangeFrom().Match(context.Request.Headers.Range.ToString()) is { Success: true } range)
        {
            from = long.Parse(range.Groups["from"].Value);
            if (from >= content.Length)
            {
                context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        context.Response.ContentLength = content.Length - from;
        context.Response.ContentType = "application/octet-stream";

        if (DropOnce is { } drop && Files.TryGetValue(drop.Path, out var target) && ReferenceEquals(target, content)
            && Interlocked.Exchange(ref _dropped, 1) == 0)
        {
            await context.Response.Body.WriteAsync(content.AsMemory((int)from, drop.AfterBytes - (int)from));
            await context.Response.Body.FlushAsync();
            await drop.BeforeDrop();
            if (StallInsteadOfDrop) await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            context.Abort();
            return;
        }
        await context.Response.Body.WriteAsync(content.AsMemory((int)from));
    }

    private void Record(string server, HttpContext context) => Requests.Enqueue(new SeenRequest(
        server, context.Request.Path + context.Request.QueryString, context.Request.Headers.Range.ToString() is { Length: > 0 } r ? r : null,
        context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, DateTimeOffset.UtcNow));

    private static Task Error(HttpContext context, HttpStatusCode status, string? code, string message)
    {
        context.Response.StatusCode = (int)status;
        if (code is not null) context.Response.Headers["X-Error-Code"] = code;
        context.Response.Headers["X-Error-Message"] = message;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string GitOid(string path) => Convert.ToHexStringLower(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(path)));

    private static WebApplication Server(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        return app;
    }

    private static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }

    [GeneratedRegex(@"^/(?<kind>api/datasets|datasets)/(?<owner>[^/]+)/(?<name>[^/]+)/(?<rest>.*)$")]
    private static partial Regex HubRoute();

    [GeneratedRegex(@"^parquet/default/(?<split>[^/]+)/(?<n>\d+)\.parquet$")]
    private static partial Regex ConvertedShard();

    [GeneratedRegex(@"^bytes=(?<from>\d+)-$")]
    private static partial Regex RangeFrom();
}

/// <summary>One request as the fake Hub or its CDN saw it.</summary>
public sealed record SeenRequest(string Server, string Path, string? Range, string? Authorization, DateTimeOffset At);
