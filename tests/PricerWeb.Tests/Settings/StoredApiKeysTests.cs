using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Data.Llm;
using Pricer.Core.Pricers;
using Pricer.Testing;
using PricerWeb.Features.Settings;
using PricerWeb.Tests.Guessing;

namespace PricerWeb.Tests.Settings;

public sealed class StoredApiKeysTests
{
    private static readonly string Key = "sk-stored-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_stored_key_reaches_the_provider_and_never_the_database_the_page_or_the_logs()
    {
        await using var bed = new SettingsApp();
        await GuessingApp.ImportAsync(bed.App, "sample", GuessingApp.SampleItems);

        Assert.Null(bed.Keys.Store(SettingsApp.Provider, Key));
        var summary = await RunAsync(bed);

        Assert.Equal(3, summary.Done);
        Assert.Equal(3, bed.Server.Requests.Count);
        Assert.All(bed.Server.Requests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
        using var admin = bed.App.CreateClient();
        var html = await admin.GetStringAsync("/admin/settings");
        Assert.Contains(StoredApiKeys.StoredHere, html);
        Assert.DoesNotContain(Key, html);
        Assert.DoesNotContain(Key, bed.Logs.All);
        Assert.NotEmpty(bed.Logs.Lines);
        var secret = Encoding.UTF8.GetBytes(Key);
        var files = Directory.EnumerateFiles(bed.App.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("pricer.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("secrets", "llm-keys.json"), StringComparison.Ordinal));
        foreach (var file in files) Assert.False(Contains(ReadShared(file), secret), $"{file} holds the key in plain text.");
    }

    [Fact]
    public async Task A_restarted_app_reads_the_stored_key_and_removing_it_falls_back_to_the_environment_variable()
    {
        using var folder = new TempFolder();
        await using (var first = new SettingsApp(folder.Path))
        {
            Assert.Null(first.Keys.Store(SettingsApp.Provider, "sk-old"));
            Assert.Null(first.Keys.Store(SettingsApp.Provider, Key));
        }

        await using var restarted = new SettingsApp(folder.Path);
        var provider = Provider(restarted);
        Assert.Equal(Key, restarted.Keys.Resolve(provider));
        Assert.Equal("stored here", restarted.Keys.Describe(provider));

        restarted.Keys.Remove(SettingsApp.Provider);

        Assert.Equal("not set", restarted.Keys.Describe(provider));
        var missing = Assert.Throws<InvalidOperationException>(() => restarted.App.Services.GetRequiredService<IApiKeySource>().Resolve(provider));
        Assert.Contains(SettingsApp.KeyVariable, missing.Message);
    }

    [Theory]
    [InlineData("sk-abc\r\nX-Injected: yes", "no spaces, line breaks")]
    [InlineData("sk abc", "no spaces, line breaks")]
    [InlineData("sk-\u0000abc", "no spaces, line breaks")]
    [InlineData("sk-ключ", "no spaces, line breaks")]
    [InlineData("   ", "Enter a key")]
    public async Task A_hostile_key_is_refused_with_a_message_that_does_not_repeat_it_and_nothing_is_stored(string hostile, string expected)
    {
        await using var bed = new SettingsApp();

        var refusal = bed.Keys.Store(SettingsApp.Provider, hostile);

        Assert.Contains(expected, refusal);
        if (hostile.Trim().Length > 0) Assert.DoesNotContain(hostile.Trim(), refusal);
        Assert.False(bed.Keys.IsStored(SettingsApp.Provider));
        Assert.False(File.Exists(Path.Combine(bed.App.DataDirectory, "secrets", "llm-keys.json")));
    }

    [Fact]
    public async Task An_oversize_key_is_refused_and_the_key_stored_before_is_kept()
    {
        await using var bed = new SettingsApp();
        Assert.Null(bed.Keys.Store(SettingsApp.Provider, Key));

        var refusal = bed.Keys.Store(SettingsApp.Provider, new string('k', 100_000));

        Assert.Equal("A key is at most 512 characters; this one has 100,000, so nothing was stored.", refusal);
        Assert.Equal(Key, bed.Keys.Resolve(Provider(bed)));
    }

    [Fact]
    public async Task A_damaged_keys_file_falls_back_to_the_environment_says_so_and_is_kept_aside_when_a_key_is_stored()
    {
        await using var bed = new SettingsApp();
        var file = Path.Combine(bed.App.DataDirectory, "secrets", "llm-keys.json");
        Assert.Null(bed.Keys.Store(SettingsApp.Provider, "sk-before"));
        await File.WriteAllTextAsync(file, "{\"openai\": \"CfDJ8");

        Assert.Equal("not set", bed.Keys.Describe(Provider(bed)));
        Assert.False(bed.Keys.IsStored(SettingsApp.Provider));
        Assert.Contains("cannot be read", bed.Keys.FileProblem);
        using var admin = bed.App.CreateClient();
        Assert.Contains("cannot be read, so runs use the providers&#x27; environment variables", await admin.GetStringAsync("/admin/settings"));

        Assert.Null(bed.Keys.Store(SettingsApp.Provider, Key));

        Assert.Null(bed.Keys.FileProblem);
        Assert.Equal(Key, bed.Keys.Resolve(Provider(bed)));
        var keptAside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, "llm-keys.json.damaged-*"));
        Assert.Equal("{\"openai\": \"CfDJ8", await File.ReadAllTextAsync(keptAside));
    }

    private static LlmProviderOptions Provider(SettingsApp bed) =>
        bed.App.Services.GetRequiredService<IOptions<LlmOptions>>().Value.Find(SettingsApp.Provider)!;

    private static async Task<LlmRunSummary> RunAsync(SettingsApp bed)
    {
        var runs = bed.App.Services.GetRequiredService<LlmRunService>();
        var settings = new LlmRunSettings { Provider = Provider(bed), Items = new LlmItemSet { Split = Split.Test, First = 3 } };
        var run = await runs.CreateAsync("sample", null, settings, "tester", CancellationToken.None);
        var summary = await runs.ExecuteAsync(run.Id, null, CancellationToken.None);
        await using var db = await GuessingApp.Contexts(bed.App).CreateDbContextAsync();
        Assert.Equal(RunStatus.Succeeded, db.Runs.Single(r => r.Id == run.Id).Status);
        return summary;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
