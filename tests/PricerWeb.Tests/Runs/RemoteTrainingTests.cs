using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Data.Runs;
using Pricer.Testing;
using PricerWeb.Features.Runs;
using PricerWeb.Tests.Cli;

namespace PricerWeb.Tests.Runs;

/// <summary>`pricer train --server URL` as a process, publishing to the app served on a loopback port.</summary>
public class RemoteTrainingTests
{
    private const string KeyVariable = "PRICER_PUBLISH_KEY";

    private static string Items => Path.Combine(SharedData.Fixtures, "training", "items.jsonl");

    [Fact]
    public async Task Train_with_server_publishes_the_run_to_the_app_and_stores_it_locally_too()
    {
        await using var app = await RunsApp.StartAsync();
        using var folder = new TempFolder();
        var imported = await PricerCli.RunAsync(folder.Path, "--data-dir", folder.Path, "import", Items, "--name", RunsApp.Dataset);
        Assert.True(imported.ExitCode == 0, imported.StandardError);

        var trained = await PricerCli.RunAsync(folder.Path, new Dictionary<string, string> { [KeyVariable] = RunsApp.PublishKey },
            "--data-dir", folder.Path, "train", "--dataset", RunsApp.Dataset, "--epochs", "2", "--batch-size", "8", "--name", "gpu box", "--server", app.BaseUrl.ToString());

        Assert.True(trained.ExitCode == 0, trained.StandardError);
        var row = Assert.Single(await app.Services.GetRequiredService<RunList>().RecentAsync(10, default));
        Assert.Equal(("gpu box", RunStatus.Succeeded, 1.0), (row.Run.Name, row.Run.Status, row.Run.Progress));
        var history = (await app.Services.GetRequiredService<RunMonitor>().SnapshotAsync(row.Run.Id, default))!;
        Assert.Equal([1.0, 2.0], history.Series[RunSeries.TrainLoss].Select(p => p.X));
        Assert.Contains(history.Log, line => line.Contains("Epoch 2 of 2"));
        Assert.Contains(history.Log, line => line.Contains("Stored here as run"));
    }

    [Fact]
    public async Task Train_with_server_and_a_wrong_key_fails_before_training_and_stores_nothing_there()
    {
        await using var app = await RunsApp.StartAsync();
        using var folder = new TempFolder();

        var refused = await PricerCli.RunAsync(folder.Path, new Dictionary<string, string> { [KeyVariable] = "wrong" },
            "--data-dir", folder.Path, "train", "--dataset", RunsApp.Dataset, "--server", app.BaseUrl.ToString());

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("publish key", refused.StandardError);
        Assert.Empty(await app.Services.GetRequiredService<RunList>().RecentAsync(10, default));
    }
}
