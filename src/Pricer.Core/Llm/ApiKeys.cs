namespace Pricer.Core.Llm;

/// <summary>Reads a provider's key from the environment variable it names, at the moment of use, so it is held nowhere else.</summary>
public static class ApiKeys
{
    /// <summary>The SDK insists on a credential; endpoints that need none (Ollama, a local proxy) ignore this one.</summary>
    public const string NoKey = "no-key";

    /// <exception cref="InvalidOperationException">The provider names a variable that is not set; the message names the variable only.</exception>
    public static string Resolve(LlmProviderOptions provider, Func<string, string?>? environment = null)
    {
        if (string.IsNullOrWhiteSpace(provider.ApiKeyEnvironmentVariable)) return NoKey;
        var key = (environment ?? Environment.GetEnvironmentVariable)(provider.ApiKeyEnvironmentVariable);
        return string.IsNullOrWhiteSpace(key)
            ? throw new InvalidOperationException($"The environment variable {provider.ApiKeyEnvironmentVariable} that holds the key for '{provider.Name}' is not set.")
            : key.Trim();
    }

    /// <summary>"environment variable NAME" when that variable is set, "not set" when it is not, "none needed" when the provider names none.</summary>
    public static string DescribeEnvironment(LlmProviderOptions provider, Func<string, string?>? environment = null) =>
        string.IsNullOrWhiteSpace(provider.ApiKeyEnvironmentVariable) ? "none needed"
        : string.IsNullOrWhiteSpace((environment ?? Environment.GetEnvironmentVariable)(provider.ApiKeyEnvironmentVariable)) ? "not set"
        : $"environment variable {provider.ApiKeyEnvironmentVariable}";
}
