using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pricer.Data;
using Pricer.Testing;
using PricerWeb.Features.Import;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.Features.Import;

public class StartupImportTests
{
    [Fact]
    public async Task Imports_configured_data_sets_from_paths_relative_to_the_content_root_and_skips_what_is_missing_or_misnamed()
    {
        using var factory = new PricerAppFactory();
        var logs = new LogRecorder();
        using var app = factory.WithWebHostBuilder(web => web
            .ConfigureLogging(logging => logging.AddProvider(logs))
            .UseSetting("StartupImport:0:Name", "ghost")
            .UseSetting("StartupImport:0:Source", "no/such/folder")
            .UseSetting("StartupImport:1:Name", "bad/name")
            .UseSetting("StartupImport:1:Source", "tests/fixtures/items/sample")
            .UseSetting("StartupImport:2:Name", "sample")
            .UseSetting("StartupImport:2:Source", "tests/fixtures/items/sample"));
        var jobs = app.Services.GetRequiredService<ImportJobs>();

        var sample = await jobs.WaitForAsync(j => j.Name == "sample" && !j.IsActive);

        Assert.Equal(ImportJobStatus.Succeeded, sample.Status);
        Assert.Equal("tests/fixtures/items/sample", sample.SourceLabel);
        Assert.Equal(Path.Combine(SharedData.Fixtures, "items", "sample"), sample.Request.Source);
        Assert.Equal(["sample"], jobs.Recent.Select(j => j.Name));
        Assert.Contains($"Start-up import of 'ghost' skipped: There is no file or folder at {Path.Combine(SharedData.RepoRoot, "no", "such", "folder")}.", logs.Messages);
        Assert.Contains(logs.Messages, m => m.StartsWith("Start-up import of tests/fixtures/items/sample skipped: the name 'bad/name' is not valid."));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContext();
        Assert.Equal(["sample"], await db.Datasets.Select(d => d.Name).ToListAsync());
    }

    [Fact]
    public async Task A_data_set_that_exists_is_not_imported_again_at_the_next_start()
    {
        using var data = new TempFolder();
        using (var firstFactory = new PricerAppFactory())
        using (var first = StartWith(firstFactory, data, new LogRecorder()))
        {
            var jobs = first.Services.GetRequiredService<ImportJobs>();
            Assert.Equal(ImportJobStatus.Succeeded, (await jobs.WaitForAsync(j => j.Name == "sample" && !j.IsActive)).Status);
        }

        var logs = new LogRecorder();
        using var secondFactory = new PricerAppFactory();
        using var second = StartWith(secondFactory, data, logs);
        _ = second.Services; // starts the app

        await logs.WaitForAsync(m => m == "Start-up import of 'sample' not needed: the data set exists");
        Assert.Empty(second.Services.GetRequiredService<ImportJobs>().Recent);
    }

    [SkippableTheory]
    [InlineData("Development")]
    [InlineData("CI")]
    public async Task The_shipped_settings_import_the_course_items_at_start_up(string environment)
    {
        SharedData.Require();
        using var factory = new PricerAppFactory();
        using var app = factory.WithWebHostBuilder(web => web.UseEnvironment(environment));
        var jobs = app.Services.GetRequiredService<ImportJobs>();

        var job = await jobs.WaitForAsync(j => j.Name == "course-items" && !j.IsActive);

        Assert.Equal(ImportJobStatus.Succeeded, job.Status);
        Assert.Equal(Path.GetFullPath(SharedData.ItemsFolder), job.Request.Source);
        Assert.Equal((7_948, 1_000, 2_000), (job.Result!.Train, job.Result.Validation, job.Result.Test));
    }

    private static WebApplicationFactory<Program> StartWith(PricerAppFactory factory, TempFolder data, LogRecorder logs) =>
        factory.WithWebHostBuilder(web => web
            .ConfigureLogging(logging => logging.AddProvider(logs))
            .UseSetting("Storage:DataDirectory", data.Path)
            .UseSetting("StartupImport:0:Name", "sample")
            .UseSetting("StartupImport:0:Source", "tests/fixtures/items/sample"));
}
