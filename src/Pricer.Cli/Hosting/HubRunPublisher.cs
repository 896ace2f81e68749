using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Pricer.Core.Pricers;
using Pricer.Core.Runs;
using Pricer.Core.Training;

namespace Pricer.Cli.Hosting;

/// <summary>
/// Publishes a training run's progress to a PricerWeb server through its runs hub (/hubs/runs), so the team
/// watches a run trained elsewhere (a GPU box) live. Reports are sent in order by one pump and never block
/// training; the shared key comes from <see cref="KeyVariable"/>.
/// </summary>
public sealed class HubRunPublisher : IProgress<TrainingProgress>, IAsyncDisposable
{
    public const string KeyVariable = "PRICER_PUBLISH_KEY";
    private const string HubPath = "hubs/runs";

    private readonly HubConnection _connection;
    private readonly string _key;
    private readonly TrainingRunUpdates _updates = new();
    private readonly Channel<RunUpdate> _outgoing = Channel.CreateUnbounded<RunUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;

    private HubRunPublisher(HubConnection connection, string key, int runId)
    {
        _connection = connection;
        _key = key;
        RunId = runId;
        _pump = PumpAsync();
    }

    /// <summary>The run's id on the server.</summary>
    public int RunId { get; }

    /// <exception cref="InvalidOperationException">No key, or the server refused or could not be reached; the message says which.</exception>
    public static async Task<HubRunPublisher> StartAsync(Uri server, RemoteRunRequest request, CancellationToken cancellationToken)
    {
        var key = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(key)) throw new InvalidOperationException($"Set {KeyVariable} to the server's Runs:PublishKey to publish to it.");
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server, HubPath)).Build();
        try
        {
            await connection.StartAsync(cancellationToken);
            var runId = await connection.InvokeAsync<int>("StartRemote", key, request, cancellationToken);
            return new HubRunPublisher(connection, key, runId);
        }
        catch (Exception error) when (error is HttpRequestException or HubException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"Could not publish to {server}: {error.Message}");
        }
    }

    public void Report(TrainingProgress value) => _outgoing.Writer.TryWrite(_updates.From(value));

    /// <summary>Sends what is left and the run's outcome (Succeeded, Failed with its error, or Cancelled).</summary>
    public async Task FinishAsync(RunStatus outcome, string? error, string? lastLine)
    {
        _outgoing.Writer.TryWrite(new RunUpdate { Status = outcome, Error = error, Log = lastLine is null ? [] : [lastLine] });
        _outgoing.Writer.TryComplete();
        await _pump;
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _pump;
        await _connection.DisposeAsync();
    }

    private async Task PumpAsync()
    {
        await foreach (var update in _outgoing.Reader.ReadAllAsync())
        {
            try
            {
                await _connection.InvokeAsync("Publish", _key, RunId, update);
            }
            catch (Exception error) when (error is HubException or InvalidOperationException or IOException)
            {
                // Training goes on when the server stops listening; the run is stored here all the same.
                await Console.Error.WriteLineAsync($"publishing to the server failed: {error.Message}");
            }
        }
    }
}
