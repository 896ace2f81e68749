using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Runs;

/// <summary>A job that does what the test tells it, on the lane it names.</summary>
internal sealed class ScriptedJob(Func<RunJobContext, CancellationToken, Task> body, string lane = RunLanes.Compute) : IRunJob
{
    public string Lane => lane;

    public Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken) => body(context, cancellationToken);
}
