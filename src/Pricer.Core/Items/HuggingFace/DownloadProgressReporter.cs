using System.Diagnostics;
using Pricer.Core.Items.Import;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Reports a data set's download as one bar: bytes done across all its files, naming the current file, at
/// most once per interval and always when a file is finished.
/// </summary>
internal sealed class DownloadProgressReporter(IProgress<ImportProgress>? progress, long? totalBytes, TimeSpan interval)
{
    public const string Stage = "download";

    private long _finishedFilesBytes;
    private long _lastReport;

    public void OnBytes(string file, long bytesOfFile)
    {
        if (progress is null || Stopwatch.GetElapsedTime(_lastReport) < interval) return;
        Send(file, _finishedFilesBytes + bytesOfFile);
    }

    public void OnFileDone(string file, long size)
    {
        _finishedFilesBytes += size;
        Send(file, _finishedFilesBytes);
    }

    private void Send(string file, long done)
    {
        _lastReport = Stopwatch.GetTimestamp();
        progress?.Report(new ImportProgress(Stage, file, 0, 0, done, totalBytes));
    }
}
