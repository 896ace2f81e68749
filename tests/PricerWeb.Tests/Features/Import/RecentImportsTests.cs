using System.Reflection;
using Bunit;
using Pricer.Data.Datasets;
using PricerWeb.Features.Import;

namespace PricerWeb.Tests.Features.Import;

public class RecentImportsTests
{
    [Fact]
    public async Task A_job_queued_elsewhere_appears_and_its_cancel_button_cancels_it_for_every_watcher()
    {
        await using var ui = new ImportUiContext();
        var first = ui.Render<RecentImports>();
        var second = ui.Render<RecentImports>(p => p.Add(r => r.ActiveOnly, true));
        Assert.Empty(first.FindAll("[data-testid=import-job]"));

        ui.Jobs.Enqueue(new ImportRequest("shared", "hf:ed-donner/items_lite"));
        first.WaitForAssertion(() => Assert.Equal("Queued", first.Find("[data-testid=job-status]").TextContent));
        second.WaitForAssertion(() => Assert.Single(second.FindAll("[data-testid=import-job]")));

        first.Find("[data-testid=cancel-job]").Click();

        first.WaitForAssertion(() => Assert.Equal("Cancelled", first.Find("[data-testid=job-status]").TextContent));
        Assert.Contains("Cancelled before it started; nothing was stored.", first.Find("[data-testid=job-error]").TextContent);
        second.WaitForAssertion(() => Assert.Empty(second.FindAll("[data-testid=import-job]")));
    }

    [Fact]
    public async Task The_owner_hears_when_a_job_ends()
    {
        await using var ui = new ImportUiContext();
        var ended = new List<ImportJob>();
        var view = ui.Render<RecentImports>(p => p.Add(r => r.OnJobEnded, job => ended.Add(job)));

        var job = ui.Jobs.Enqueue(new ImportRequest("ends", "hf:ed-donner/items_lite"));
        Assert.Empty(ended);
        ui.Jobs.Cancel(job.Id);

        view.WaitForAssertion(() => Assert.Equal(ImportJobStatus.Cancelled, Assert.Single(ended).Status));
    }

    [Fact]
    public async Task A_disposed_view_stops_listening()
    {
        await using var ui = new ImportUiContext();
        ui.Render<RecentImports>();
        ui.Render<RecentImports>();
        Assert.Equal(2, Listeners(ui.Jobs));

        await ui.DisposeComponentsAsync();

        Assert.Equal(0, Listeners(ui.Jobs));
    }

    private static int Listeners(ImportJobs jobs) =>
        (typeof(ImportJobs).GetField(nameof(ImportJobs.Changed), BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(jobs) as Delegate)?
            .GetInvocationList().Length ?? 0;
}
