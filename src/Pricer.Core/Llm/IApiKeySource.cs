namespace Pricer.Core.Llm;

/// <summary>
/// Where a run gets a provider's key at the moment of use. The CLI reads environment variables
/// (<see cref="EnvironmentApiKeySource"/>); the app looks in its own encrypted key store first.
/// </summary>
public interface IApiKeySource
{
    /// <summary>The key to send, or <see cref="ApiKeys.NoKey"/> for a provider that needs none.</summary>
    /// <exception cref="InvalidOperationException">No key is set for the provider; the message never holds a key.</exception>
    string Resolve(LlmProviderOptions provider);

    /// <summary>Where the provider's key comes from, in words ("environment variable NAME", "not set"); never the key.</summary>
    string Describe(LlmProviderOptions provider);
}
