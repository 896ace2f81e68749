using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;

namespace PricerWeb.Features.Import;

/// <summary>A snapshot of one import run by <see cref="ImportJobs"/>; every change produces a new snapshot.</summary>
/// <param name="SourceLabel">The source as the user knows it (an uploaded file's own name rather than its temp path).</param>
public sealed record ImportJob(Guid Id, ImportRequest Request, string SourceLabel, DateTimeOffset QueuedAt)
{
    public ImportJobStatus Status { get; init; } = ImportJobStatus.Queued;
    public ImportProgress? Progress { get; init; }
    public ImportResult? Result { get; init; }

    /// <summary>Why the job failed, was aborted or cancelled; null while it runs and after success.</summary>
    public string? Error { get; init; }

    /// <summary>Rows skipped (on success) or the rows that aborted the import.</summary>
    public IReadOnlyList<BadRow> BadRows { get; init; } = [];

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    public string Name => Request.Name;
    public bool IsActive => Status is ImportJobStatus.Queued or ImportJobStatus.Running;
}
