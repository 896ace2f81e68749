using System.Diagnostics;
using Pricer.Testing.Processes;

namespace Pricer.Bench.Benches;

/// <summary>A PricerWeb process the bench started; keeps its last lines of output, and is killed on dispose.</summary>
internal sealed class BenchApp : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Process _process;

    public BenchApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => Output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public OutputTail Output { get; } = new();

    public async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"PricerWeb exited with code {_process.ExitCode}.\n{Output.Tail(40)}");
            try
            {
                using var response = await http.GetAsync("/Account/Login");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMilliseconds(250)));
        }
        throw new TimeoutException($"PricerWeb did not answer on {Address} within {StartTimeout.TotalSeconds:0} s.\n{Output.Tail(40)}");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
