using Pricer.Core.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Tests.Runs;

/// <summary>
/// A job that reports a few batch losses and a log line, says it has started, then waits for the test to
/// open its gate (or for cancellation) before it reports an epoch and returns.
/// </summary>
internal sealed class GatedJob(string lane = RunLanes.Compute) : IRunJob
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<RunJobContext> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Lane => lane;

    /// <summary>Completes with the job's context once it is running and has reported its first points.</summary>
    public Task<RunJobContext> Started => _started.Task;

    public bool Finished { get; private set; }

    public void Open() => _gate.TrySetResult();

    public async Task ExecuteAsync(RunJobContext context, CancellationToken cancellationToken)
    {
        for (var step = 1; step <= 3; step++) context.ReportPoint(RunSeries.BatchLoss, step, 10.0 / step);
        context.ReportProgress(0.5, "epoch 1 of 2");
        context.Log("waiting at the gate");
        _started.TrySetResult(context);
        await _gate.Task.WaitAsync(cancellationToken);
        context.ReportPoint(RunSeries.ValidationLoss, 1, 2.5);
        Finished = true;
    }
}
