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
        var clock = Stopwatch.StartNew();
        var result = await importer.ImportAsync(
            new ImportRequest(DatasetName, sourceFolder, Replace: true), new ConsoleProgress(), CancellationToken.None);
        clock.Stop();
        var peak = PeakMemory.Megabytes();

        var items = result.Train + result.Validation + result.Test;
        results.Add("import", $"{items:N0} items (JSONL.gz -> SQLite): time", clock.Elapsed.TotalSeconds, "s", TargetSeconds);
        results.Add("import", "peak memory (process VmHWM)", peak, "MB", TargetMegabytes);
        results.Add("import", "throughput", items / clock.Elapsed.TotalSeconds, "items/s");
        results.Add("import", "database size", database.SizeMegabytes(), "MB");
        if (result.Skipped > 0) results.Add("import", "rows skipped (expected none)", result.Skipped, "rows");
    }

    /// <summary>A line every 100,000 items so a long run shows it is moving.</summary>
    private sealed class ConsoleProgress : IProgress<ImportProgress>
    {
        private long _nextReport = 100_000;

        public void Report(ImportProgress value)
        {
            if (value.ItemsRead < _nextReport) return;
            _nextReport = (value.ItemsRead / 100_000 + 1) * 100_000;
            Console.WriteLine($"  import: {value.ItemsRead:N0} items read ({value.Stage})");
        }
    }
}
