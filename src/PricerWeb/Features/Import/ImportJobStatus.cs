namespace PricerWeb.Features.Import;

public enum ImportJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped on bad rows (skip-bad-rows was off); nothing was stored.</summary>
    Aborted,
    Cancelled,
}
