using Pricer.Core.Items.Import;

namespace Pricer.Cli.Hosting;

/// <summary>
/// Import progress on stderr: one line rewritten in place on a terminal, otherwise a line every few seconds
/// and at each new stage, so logs stay readable.
/// </summary>
public sealed class ConsoleImportProgress(TextWriter error, bool terminal) : IProgress<ImportProgress>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(2);

    private string? _stage;
    private DateTime _lastLine;
    private int _lastLength;

    public void Report(ImportProgress value)
    {
        var line = Describe(value);
        if (terminal)
        {
            error.Write($"\r{line.PadRight(_lastLength)}");
            _lastLength = line.Length;
        }
        else if (value.Stage != _stage || DateTime.UtcNow - _lastLine >= LogInterval)
        {
            error.WriteLine(line);
            _lastLine = DateTime.UtcNow;
        }
        _stage = value.Stage;
    }

    /// <summary>Ends the line being rewritten, so what follows starts on its own line.</summary>
    public void Finish()
    {
        if (terminal && _lastLength > 0) error.WriteLine();
        _lastLength = 0;
    }

    public static string Describe(ImportProgress value)
    {
        var parts = new List<string> { value.Stage };
        if (value.File != null && value.Stage is "download" or "read") parts.Add(value.File);
        if (value.Fraction is { } fraction && value.Stage is "download" or "read")
            parts.Add($"{fraction * 100:0}% ({Megabytes(value.BytesDone!.Value)} of {Megabytes(value.BytesTotal!.Value)})");
        if (value.Stage != "download") parts.Add($"{value.ItemsRead:N0} items, {value.BadRows:N0} bad rows");
        if (value.ItemsIndexed is { } indexed) parts.Add($"{indexed:N0} indexed");
        return string.Join("  ", parts);
    }

    private static string Megabytes(long bytes) => $"{bytes / 1e6:0.0} MB";
}
