using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Data.Accounts;
using Pricer.Testing;
using PricerWeb.Features.Accounts;

namespace PricerWeb.Tests.Hosting;

/// <summary>
/// The real app over a real SQLite file in a scratch data folder (or a given one, so that a second app can
/// open what a first one left), with optional extra settings and test services. It starts with one seeded account per role
/// (<see cref="EmailOf"/>, <see cref="Password"/>); <see cref="CreateClient"/> gives a client signed in as the Admin
/// through the real sign-in form, <see cref="CreateClientAs"/> one for another role, <see cref="CreateAnonymousClient"/> one signed out.
/// </summary>
/// <param name="seedAccounts">False for an app with no account at all (the first sign-up becomes Admin).</param>
public sealed partial class PricerAppFactory(
    string? dataDirectory = null,
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null,
    bool seedAccounts = true)
    : WebApplicationFactory<Program>
{
    public const string Password = "Pricer-Test-1";

    private readonly TempFolder? _dataFolder = dataDirectory is null ? new TempFolder() : null;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Cookie>>>> _signIns = new(StringComparer.OrdinalIgnoreCase);

    public PricerAppFactory(bool seedAccounts) : this(null, null, null, seedAccounts)
    {
    }

    public string DataDirectory => dataDirectory ?? _dataFolder!.Path;

    /// <summary>Serves the app with Kestrel on a free 127.0.0.1 port (for clients that need a real socket); returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    public static string EmailOf(PricerRole role) => $"{role.ToString().ToLowerInvariant()}@pricer.test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        // The test server speaks plain HTTP; a Secure cookie would never be sent back.
        builder.UseSetting("Accounts:SecureCookies", "false");
        builder.UseSetting("Accounts:SignInAttemptsPerMinute", "10000");
        if (seedAccounts)
        {
            foreach (var role in Enum.GetValues<PricerRole>())
            {
                builder.UseSetting($"Accounts:Seed:{(int)role}:Email", EmailOf(role));
                builder.UseSetting($"Accounts:Seed:{(int)role}:Password", Password);
                builder.UseSetting($"Accounts:Seed:{(int)role}:Role", role.ToString());
            }
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>A client signed in as the seeded Admin (hides the base method, which gives a signed-out client).</summary>
    public new HttpClient CreateClient() => CreateClientAs(PricerRole.Admin);

    /// <summary>A client signed in as the seeded account of this role.</summary>
    public HttpClient CreateClientAs(PricerRole role) => CreateSignedInClient(EmailOf(role), Password);

    /// <summary>A client signed in through the sign-in form as this account (one sign-in per account, its cookie reused).</summary>
    public HttpClient CreateSignedInClient(string email, string password) => ClientWith(CookiesOf(email, password));

    /// <summary>A client with no account: every page but the sign-in ones redirects it to sign-in, every API answers 401.</summary>
    public HttpClient CreateAnonymousClient() => ClientWith(new CookieContainer());

    /// <summary>A client that does not follow redirects and keeps its own cookies (to watch sign-in itself).</summary>
    public HttpClient CreateAnonymousClient(bool followRedirects) =>
        followRedirects ? CreateAnonymousClient() : CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(new CookieContainer()));

    /// <summary>Creates an account with this role (as an operator's seed would), for tests that need more people.</summary>
    public async Task AddAccountAsync(string email, PricerRole role, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().EnsureAccountAsync(email, password, role);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>A SignalR connection (long polling over the test server) carrying this role's sign-in cookie; null role: signed out.</summary>
    public HubConnection CreateHubConnection(string path, PricerRole? role = PricerRole.Admin)
    {
        var cookies = role is { } r ? CookiesOf(EmailOf(r), Password) : new CookieContainer();
        var server = Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() };
            })
            .Build();
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included); the client keeps the cookie it gets.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the form on this page (the client gets the matching cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = AntiforgeryField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    private CookieContainer CookiesOf(string email, string password)
    {
        var signIn = _signIns.GetOrAdd(email, _ => new Lazy<Task<IReadOnlyList<Cookie>>>(() => Task.Run(() => SignInCookiesAsync(email, password))));
        var container = new CookieContainer();
        foreach (var cookie in signIn.Value.GetAwaiter().GetResult())
            container.Add(ClientOptions.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        return container;
    }

    private async Task<IReadOnlyList<Cookie>> SignInCookiesAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
        using var response = await SignInAsync(client, email, password);
        var all = cookies.GetCookies(ClientOptions.BaseAddress).ToList();
        if (response.StatusCode != HttpStatusCode.Redirect || !all.Any(c => c.Name == ".AspNetCore.Identity.Application"))
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return all;
    }

    private HttpClient ClientWith(CookieContainer cookies)
    {
        var handlers = new List<DelegatingHandler>();
        if (ClientOptions.AllowAutoRedirect) handlers.Add(new RedirectHandler(ClientOptions.MaxAutomaticRedirections));
        handlers.Add(new CookieContainerHandler(cookies));
        return CreateDefaultClient(ClientOptions.BaseAddress, handlers.ToArray());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dataFolder?.Dispose();
    }
}
