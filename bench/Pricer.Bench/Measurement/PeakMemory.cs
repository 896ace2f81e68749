namespace Pricer.Bench.Measurement;

/// <summary>The process's peak resident memory (VmHWM), which Linux lets a process reset for itself.</summary>
internal static class PeakMemory
{
    /// <summary>Starts a new peak from the current resident size ("5" to clear_refs resets VmHWM).</summary>
    public static void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
    }

    public static double Megabytes() => ReadKilobytes("VmHWM:") / 1024.0;

    private static long ReadKilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }
}
