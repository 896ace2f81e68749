namespace PricerWeb.Features.Compare;

public enum BaselineJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
