using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Bench.Measurement;
using Pricer.Bench.Synthetic;
using Pricer.Core.Items;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Guessing;

namespace Pricer.Bench.Benches;

/// <summary>
/// 50 players, each with their own sign-in cookie and sockets, play 20 guesses at once against the real PricerWeb
/// (its own process, Kestrel on loopback, Production settings) over a campaign of SYNTHETIC test items: next item,
/// guess, next item, ... Reports guesses per second and the guess POST's p50/p95 latency, and checks every guess was stored once.
/// </summary>
internal static partial class GuessBench
{
    public const string DatasetName = "synthetic-guess";
    private const int Players = 50;
    private const int GuessesEach = 20;
    private const int Items = 100;
    private const string Password = "Bench-Guesser-1";
    private const string AdminEmail = "admin@bench.test";

    public static async Task RunAsync(string workFolder, ResultTable results)
    {
        var source = Path.Combine(workFolder, DatasetName);
        if (!File.Exists(Path.Combine(source, "test.jsonl.gz")))
            new SyntheticItemWriter().WriteDataset(source, train: 10, validation: 10, test: Items);
        var dataFolder = Path.Combine(workFolder, "db-guess");
        if (Directory.Exists(dataFolder)) Directory.Delete(dataFolder, recursive: true);
        await using (var database = await BenchDatabase.OpenAsync(dataFolder))
            await database.Services.GetRequiredService<IDatasetImporter>().ImportAsync(new ImportRequest(DatasetName, source), null, CancellationToken.None);

        var emails = Enumerable.Range(0, Players).Select(i => $"player{i}@bench.test").ToList();
        using var app = await StartAppAsync(dataFolder, emails);
        int campaignId;
        await using (var database = await BenchDatabase.OpenAsync(dataFolder))
            campaignId = await CreateCampaignAsync(database);

        var players = await Task.WhenAll(emails.Select(email => SignInAsync(app.Address, email)));
        var guessLatencies = new Latencies();
        var nextLatencies = new Latencies();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(players.Select((client, p) => Task.Run(async () =>
        {
            for (var g = 0; g < GuessesEach; g++)
            {
                var item = await nextLatencies.TimeAsync(() => client.GetFromJsonAsync<PlayItem>($"/api/campaigns/{campaignId}/next"));
                using var response = await guessLatencies.TimeAsync(() =>
                    client.PostAsJsonAsync($"/api/campaigns/{campaignId}/guesses", new { item!.ItemId, Price = 1.0 + p + g }));
                if (response.StatusCode != HttpStatusCode.Created) Interlocked.Increment(ref refused);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var client in players) client.Dispose();

        int stored;
        await using (var database = await BenchDatabase.OpenAsync(dataFolder))
        await using (var db = await database.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync())
            stored = await db.Guesses.CountAsync(g => g.CampaignId == campaignId);
        Console.WriteLine($"guess: {Players} players x {GuessesEach} guesses in {seconds:0.00} s; {stored:N0} stored, {refused} refused");
        if (stored != Players * GuessesEach || refused > 0)
            throw new InvalidOperationException($"The guess bench lost guesses: {stored:N0} stored of {Players * GuessesEach:N0}, {refused} refused.\n{app.Output.Tail(40)}");
        results.Add("guess", $"{Players} players x {GuessesEach} guesses: throughput", Players * GuessesEach / seconds, "guesses/s");
        results.Add("guess", "POST guess p50", guessLatencies.Percentile(50), "ms");
        results.Add("guess", "POST guess p95", guessLatencies.Percentile(95), "ms");
        results.Add("guess", "GET next p95", nextLatencies.Percentile(95), "ms");
    }

    private static async Task<int> CreateCampaignAsync(BenchDatabase database)
    {
        var contexts = database.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(u => u.Email == AdminEmail);
        var campaign = await database.Services.GetRequiredService<CampaignStore>().CreateAsync(
            new CampaignRequest("Guess bench", DatasetName, Split.Test, CampaignSelection.FirstItems, Items, null, Players * GuessesEach / Items, true, null),
            admin.Id, AdminEmail, CancellationToken.None);
        return campaign.Id;
    }

    /// <summary>A client of its own, signed in through the sign-in form as a browser would (antiforgery token included).</summary>
    private static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static async Task<BenchApp> StartAppAsync(string dataFolder, IReadOnlyList<string> players)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { PricerWebDll(), "--urls", address.ToString().TrimEnd('/') },
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PRICER_CONTENT_ROOT"] = BenchFolders.RepoRoot;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__DataDirectory"] = dataFolder;
        // Plain HTTP on loopback: a Secure cookie would not come back. All players sign in from one address.
        start.Environment["Accounts__SecureCookies"] = "false";
        start.Environment["Accounts__SignInAttemptsPerMinute"] = "1000";
        foreach (var (account, i) in players.Prepend(AdminEmail).Select((a, i) => (a, i)))
        {
            start.Environment[$"Accounts__Seed__{i}__Email"] = account;
            start.Environment[$"Accounts__Seed__{i}__Password"] = Password;
            start.Environment[$"Accounts__Seed__{i}__Role"] = i == 0 ? "Admin" : "Guesser";
        }
        var app = new BenchApp(Process.Start(start)!, address);
        await app.WaitUntilAnsweringAsync();
        return app;
    }

    private static string PricerWebDll()
    {
        var dll = typeof(GuessBench).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PricerWebDll").Value!;
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"PricerWeb is not built at {dll}.", dll);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
