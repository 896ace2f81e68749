using System.Diagnostics;

namespace Pricer.Bench.Synthetic;

/// <summary>The bench's SYNTHETIC item files, generated once per size and reused.</summary>
internal static class SyntheticDataset
{
    public static void Ensure(string folder, int items)
    {
        string[] files = ["train.jsonl.gz", "validation.jsonl.gz", "test.jsonl.gz"];
        if (files.All(f => File.Exists(Path.Combine(folder, f))))
        {
            Console.WriteLine($"generate: reusing {folder}");
            return;
        }
        // The proportions of ed-donner/items_full: 800,000 = 780,000 train + 10,000 validation + 10,000 test.
        var holdOut = Math.Max(1, items / 80);
        Console.WriteLine($"generate: {items:N0} SYNTHETIC items -> {folder}");
        var clock = Stopwatch.StartNew();
        new SyntheticItemWriter().WriteDataset(folder, items - 2 * holdOut, holdOut, holdOut);
        var megabytes = files.Sum(f => new FileInfo(Path.Combine(folder, f)).Length) / 1024.0 / 1024.0;
        Console.WriteLine($"generate: done in {clock.Elapsed.TotalSeconds:0.0} s, {megabytes:0.0} MB compressed");
    }
}
