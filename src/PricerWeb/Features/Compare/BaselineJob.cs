namespace PricerWeb.Features.Compare;

/// <summary>A snapshot of one baselines job run by <see cref="BaselineJobs"/>; every change produces a new snapshot.</summary>
/// <param name="Baselines">The baselines to train, by name, in order.</param>
public sealed record BaselineJob(Guid Id, string Dataset, IReadOnlyList<string> Baselines, string StartedBy, DateTimeOffset QueuedAt)
{
    public BaselineJobStatus Status { get; init; } = BaselineJobStatus.Queued;

    /// <summary>What the runner is doing now ("training constant on 7,948 items").</summary>
    public string? Progress { get; init; }

    /// <summary>Why the job failed or was cancelled; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The runs stored so far.</summary>
    public IReadOnlyList<int> RunIds { get; init; } = [];

    public DateTimeOffset? FinishedAt { get; init; }

    public bool IsActive => Status is BaselineJobStatus.Queued or BaselineJobStatus.Running;
}
