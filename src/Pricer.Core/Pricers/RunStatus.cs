namespace Pricer.Core.Pricers;

public enum RunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
    Interrupted = 5,
}
