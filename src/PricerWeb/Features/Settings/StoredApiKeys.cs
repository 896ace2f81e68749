using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Pricer.Core.Llm;
using Pricer.Data;

namespace PricerWeb.Features.Settings;

/// <summary>
/// API keys an Admin stores in the app: encrypted with ASP.NET Core Data Protection in secrets/llm-keys.json under
/// the data folder, never in the database. A run uses the stored key first, else the provider's environment variable.
/// A keys file that cannot be read (edited by hand, cut short) counts as holding no keys, so runs fall back to the
/// environment variables and the page says why; the next stored key sets the damaged file aside instead of erasing it.
/// </summary>
public sealed class StoredApiKeys(IDataProtectionProvider protection, IOptions<StorageOptions> storage) : IApiKeySource
{
    public const string StoredHere = "stored here";

    private readonly IDataProtector _protector = protection.CreateProtector("PricerWeb.LlmApiKeys.v1");
    private readonly Lock _gate = new();

    private string FilePath => Path.Combine(SecretsFolder.Of(storage.Value), "llm-keys.json");

    public string Resolve(LlmProviderOptions provider)
    {
        if (!Load().TryGetValue(provider.Name, out var sealedKey)) return ApiKeys.Resolve(provider);
        try
        {
            return _protector.Unprotect(sealedKey);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"The key stored for '{provider.Name}' cannot be read (the data folder's protection keys changed); store it again in Settings.");
        }
    }

    /// <summary>Why the keys file cannot be read, or null when it can (or there is none).</summary>
    public string? FileProblem => ReadFile().Problem;

    public string Describe(LlmProviderOptions provider) => IsStored(provider.Name) ? StoredHere : ApiKeys.DescribeEnvironment(provider);

    public bool IsStored(string providerName) => Load().ContainsKey(providerName);

    /// <summary>Stores (or replaces) the provider's key, or changes nothing and says why.</summary>
    /// <returns>Null when stored, else why not (never holding the key).</returns>
    public string? Store(string providerName, string? key)
    {
        if (ApiKeyRules.Problem(key) is { } problem) return problem;
        lock (_gate)
        {
            var keys = Load();
            keys[providerName] = _protector.Protect(key!.Trim());
            Save(keys);
        }
        return null;
    }

    public void Remove(string providerName)
    {
        lock (_gate)
        {
            var keys = Load();
            if (keys.Remove(providerName)) Save(keys);
        }
    }

    private Dictionary<string, string> Load() => ReadFile().Keys;

    private (Dictionary<string, string> Keys, string? Problem) ReadFile()
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(FilePath)) return (keys, null);
        try
        {
            foreach (var (name, sealedKey) in JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? [])
                keys[name] = sealedKey;
            return (keys, null);
        }
        catch (JsonException)
        {
            return (keys, $"The stored keys file {FilePath} cannot be read, so runs use the providers' environment variables. Store the keys again; the damaged file is then kept beside it.");
        }
    }

    private void Save(Dictionary<string, string> keys)
    {
        if (ReadFile().Problem is not null) File.Move(FilePath, $"{FilePath}.damaged-{DateTime.UtcNow:yyyyMMddHHmmss}", overwrite: true);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(keys));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, FilePath, overwrite: true);
    }
}
