namespace Pricer.Data.Runs;

/// <summary>A run's guess for one item; metrics are always derived from these rows.</summary>
public sealed class Prediction
{
    public int RunId { get; set; }
    public long ItemId { get; set; }
    public double Guess { get; set; }

    /// <summary>The model's reply the guess was read from, where there is one.</summary>
    public string? RawReply { get; set; }

    public double? LatencyMs { get; set; }

    /// <summary>Prompt tokens of the call that answered (LLM runs); a cache hit repeats the cached call's count.</summary>
    public int? InputTokens { get; set; }

    public int? OutputTokens { get; set; }

    /// <summary>Answered from the LLM response cache, so nothing was paid for it.</summary>
    public bool CacheHit { get; set; }
}
