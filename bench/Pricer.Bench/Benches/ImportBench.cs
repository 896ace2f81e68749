using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Bench.Measurement;
using Pricer.Core.Items.Import;
using Pricer.Data.Datasets;

namespace Pricer.Bench.Benches;

/// <summary>Imports the synthetic JSONL.gz files through the app's importer into an empty database.</summary>
internal static class ImportBench
{
    public const string DatasetName = "synthetic-bench";
    private const double TargetSeconds = 60;
    private const double TargetMegabytes = 500;

    public static async Task RunAsync(BenchDatabase database, string sourceFolder, ResultTable results)
    {
        var importer = database.Services.GetRequiredService<IDatasetImporter>();
        PeakMemory.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var stages = new StageProgress(clock, cpuBefore);
        var result = await importer.ImportAsync(
            new ImportRequest(DatasetName, sourceFolder, Replace: true), stages, CancellationToken.None);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var peak = PeakMemory.Megabytes();

        var items = result.Train + result.Validation + result.Test;
        // Items and search index commit together at the end; stage "index" is the wait for the index after the last item.
        results.Add("import", $"{items:N0} items: time to browsable and searchable (all committed)", clock.Elapsed.TotalSeconds, "s", TargetSeconds);
        foreach (var (stage, seconds, cpuSeconds) in stages.Durations(clock.Elapsed, cpu))
        {
            results.Add("import", $"  stage \"{stage}\"", seconds, "s");
            results.Add("import", $"  stage \"{stage}\": CPU time", cpuSeconds, "s");
        }
        results.Add("import", "CPU time, all threads (less load-sensitive)", cpu.TotalSeconds, "s");
        results.Add("import", "peak memory (process VmHWM)", peak, "MB", TargetMegabytes);
        results.Add("import", "throughput", items / clock.Elapsed.TotalSeconds, "items/s");
        results.Add("import", "database + WAL files after import", database.SizeMegabytes(), "MB");
        if (result.Skipped > 0) results.Add("import", "rows skipped (expected none)", result.Skipped, "rows");
    }

    /// <summary>When each stage began (wall clock and process CPU time), and a line every 100,000 items so a long run shows it is moving.</summary>
    private sealed class StageProgress(Stopwatch clock, TimeSpan cpuAtStart) : IProgress<ImportProgress>
    {
        private readonly List<(string Stage, TimeSpan Start, TimeSpan CpuStart)> _starts = [];
        private long _nextReport = 100_000;

        /// <summary>
        /// Wall and CPU seconds from each stage's first report to the next stage's (the last runs to <paramref name="end"/>
        /// and <paramref name="cpuTotal"/>).
        /// </summary>
        public IEnumerable<(string Stage, double Seconds, double CpuSeconds)> Durations(TimeSpan end, TimeSpan cpuTotal) =>
            _starts.Select((s, i) => (
                    s.Stage,
                    ((i + 1 < _starts.Count ? _starts[i + 1].Start : end) - s.Start).TotalSeconds,
                    ((i + 1 < _starts.Count ? _starts[i + 1].CpuStart : cpuTotal) - s.CpuStart).TotalSeconds))
                .Where(s => s.Stage != "done");

        public void Report(ImportProgress value)
        {
            // The first stage is counted from the start, so the stages add up to the whole import.
            if (_starts.Count == 0) _starts.Add((value.Stage, TimeSpan.Zero, TimeSpan.Zero));
            else if (_starts[^1].Stage != value.Stage)
                _starts.Add((value.Stage, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart));
            if (value.ItemsRead < _nextReport) return;
            _nextReport = (value.ItemsRead / 100_000 + 1) * 100_000;
            Console.WriteLine($"  import: {value.ItemsRead:N0} items read ({value.Stage})");
        }
    }
}
