using System.Diagnostics;
using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>Reports reading progress every 10,000 rows or 250 ms, whichever comes first, so watchers are not flooded.</summary>
internal sealed class ImportProgressThrottle(IProgress<ImportProgress>? progress, ItemStream rows)
{
    private const int RowsBetweenReports = 10_000;
    private static readonly TimeSpan TimeBetweenReports = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
    private long _rowsAtReport;

    public void Row(long itemsRead, long badRows)
    {
        if (progress is null) return;
        var rowsSeen = itemsRead + badRows;
        // Reading the clock is cheap, but not free at a million rows.
        if (rowsSeen - _rowsAtReport < RowsBetweenReports && (rowsSeen % 256 != 0 || _sinceReport.Elapsed < TimeBetweenReports)) return;
        Report("read", itemsRead, badRows);
    }

    public void Report(string stage, long itemsRead, long badRows)
    {
        if (progress is null) return;
        _rowsAtReport = itemsRead + badRows;
        _sinceReport.Restart();
        progress.Report(new ImportProgress(stage, rows.CurrentFile?.DisplayName, itemsRead, badRows, rows.BytesRead, rows.BytesTotal));
    }
}
