namespace Pricer.Data.Llm;

/// <summary>A cached chat reply, keyed by <see cref="Pricer.Core.Llm.LlmCacheKey"/>; holds no key or secret.</summary>
public sealed class LlmResponse
{
    /// <summary>SHA-256 (hex) of the endpoint, model, parameters and messages.</summary>
    public required string Key { get; set; }

    public required string Endpoint { get; set; }
    public required string Model { get; set; }
    public required string Reply { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
