namespace Pricer.Core.Llm;

/// <summary>The LLM providers a run can choose from, bound from the "LlmOptions" configuration section.</summary>
public sealed class LlmOptions
{
    public const string SectionName = nameof(LlmOptions);

    public List<LlmProviderOptions> Providers { get; set; } = [];

    /// <summary>The provider named <paramref name="name"/> (ignoring case), or null.</summary>
    public LlmProviderOptions? Find(string? name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
