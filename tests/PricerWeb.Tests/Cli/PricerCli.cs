using System.Diagnostics;
using Pricer.Testing;

namespace PricerWeb.Tests.Cli;

/// <summary>Runs the built `pricer` CLI as a process, the way scripts and acceptance checks call it.</summary>
internal static class PricerCli
{
    public sealed record Run(int ExitCode, string StandardOutput, string StandardError)
    {
        public string LastLine => StandardOutput.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary>The CLI's build output beside this test project's (same configuration and runtime).</summary>
    private static string CliDll
    {
        get
        {
            var testsOutput = Path.GetRelativePath(Path.Combine(SharedData.RepoRoot, "tests", "PricerWeb.Tests"), AppContext.BaseDirectory);
            return Path.Combine(SharedData.RepoRoot, "src", "Pricer.Cli", testsOutput, "pricer.dll");
        }
    }

    public static Task<Run> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the CLI with extra environment variables.</summary>
    public static async Task<Run> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
