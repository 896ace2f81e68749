namespace PricerWeb.Features.Runs;

/// <summary>Lanes jobs wait in; one job per lane runs at a time, lanes run side by side.</summary>
public static class RunLanes
{
    /// <summary>Work on this machine's compute device (CPU or GPU): training, embedding.</summary>
    public const string Compute = "compute";

    /// <summary>Work that waits on the network (LLM endpoints), so it never queues behind training.</summary>
    public const string Network = "network";
}
