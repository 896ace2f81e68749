using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

internal static class ImportJobsWaiting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The first job snapshot (current or future) that meets the condition.</summary>
    public static async Task<ImportJob> WaitForAsync(this ImportJobs jobs, Func<ImportJob, bool> condition)
    {
        var found = new TaskCompletionSource<ImportJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ImportJob job)
        {
            if (condition(job)) found.TrySetResult(job);
        }
        jobs.Changed += OnChanged;
        try
        {
            if (jobs.Recent.FirstOrDefault(condition) is { } already) return already;
            return await found.Task.WaitAsync(Timeout);
        }
        finally
        {
            jobs.Changed -= OnChanged;
        }
    }

    public static Task<ImportJob> WhenEndedAsync(this ImportJobs jobs, Guid id) => jobs.WaitForAsync(j => j.Id == id && !j.IsActive);
}
