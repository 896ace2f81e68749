using System.Diagnostics;
using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>Reports progress every 10,000 rows or 250 ms, whichever comes first, so watchers are not flooded.</summary>
internal sealed class ImportProgressThrottle(IProgress<ImportProgress>? progress, long bytesTotal)
{
    private const int RowsBetweenReports = 10_000;
    private static readonly TimeSpan TimeBetweenReports = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private long _rowsAtReport;
    private string? _file;
    private long _bytesRead;

    /// <summary>Where the reader was when it handed over the rows now being stored.</summary>
    public void At(string? file, long bytesRead)
    {
        _file = file;
        _bytesRead = bytesRead;
    }

    public void Rows(long itemsRead, long badRows)
    {
        if (progress is null) return;
        var rows = itemsRead + badRows;
        if (rows - _rowsAtReport < RowsBetweenReports && _sinceReport.Elapsed < TimeBetweenReports) return;
        Report("read", itemsRead, badRows);
    }

    /// <summary>The search index's progress, reported as it comes: each report is a whole batch of items.</summary>
    public void Indexed(long itemsRead, long badRows, long itemsIndexed) =>
        progress?.Report(new ImportProgress("index", null, itemsRead, badRows, null, null) { ItemsIndexed = itemsIndexed });

    public void Report(string stage, long itemsRead, long badRows)
    {
        if (progress is null) return;
        _rowsAtReport = itemsRead + badRows;
        _sinceReport.Restart();
        progress.Report(new ImportProgress(stage, _file, itemsRead, badRows, _bytesRead, bytesTotal));
    }
}
