namespace Pricer.Core.Llm;

/// <summary>
/// Money a run may spend. Each request reserves its likely cost before it is sent and settles its real cost
/// when it returns, so concurrent requests cannot together carry the spend past the limit.
/// </summary>
public sealed class LlmBudget(double? limitUsd, double spentUsd)
{
    private readonly Lock _lock = new();
    private double _spent = spentUsd;
    private double _reserved;

    public double? LimitUsd { get; } = limitUsd;

    public double SpentUsd
    {
        get { lock (_lock) return _spent; }
    }

    /// <summary>Reserves <paramref name="estimateUsd"/>; false (nothing reserved) when spent, reserved and this would pass the limit.</summary>
    public bool TryReserve(double estimateUsd)
    {
        lock (_lock)
        {
            if (LimitUsd is { } limit && _spent + _reserved + estimateUsd > limit) return false;
            _reserved += estimateUsd;
            return true;
        }
    }

    /// <summary>Replaces a reservation by what the request really cost (0 when it failed unbilled).</summary>
    public void Settle(double reservedUsd, double actualUsd)
    {
        lock (_lock)
        {
            _reserved -= reservedUsd;
            _spent += actualUsd;
        }
    }
}
