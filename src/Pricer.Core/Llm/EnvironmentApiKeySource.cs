namespace Pricer.Core.Llm;

/// <summary>Keys from the environment variables the providers name, through <see cref="ApiKeys.Resolve"/>.</summary>
public sealed class EnvironmentApiKeySource : IApiKeySource
{
    public string Resolve(LlmProviderOptions provider) => ApiKeys.Resolve(provider);

    public string Describe(LlmProviderOptions provider) => ApiKeys.DescribeEnvironment(provider);
}
