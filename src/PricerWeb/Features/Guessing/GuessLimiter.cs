using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PricerWeb.Features.Guessing;

/// <summary>
/// One token bucket per person, shared by the play page and the guesses endpoint, so neither path lets a script
/// flood the campaign.
/// </summary>
public sealed class GuessLimiter(IOptions<GuessingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Burst,
            TokensPerPeriod = options.Value.PerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
