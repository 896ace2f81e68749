using Pricer.Core.Items.Import;

namespace Pricer.Data.Datasets;

/// <summary>
/// The bad rows of one import. Skipping, it keeps the first thousand and counts the rest; aborting, it reads
/// on a little after the first so the user can fix several at once, then says stop.
/// </summary>
internal sealed class BadRowLog(bool skipBadRows)
{
    public const int KeptWhenSkipping = 1000;
    public const int ShownOnAbort = 20;
    private const int RowsReadOnAfterAbort = 10_000;

    private readonly List<BadRow> _kept = [];
    private int _rowsSinceAbort;

    public IReadOnlyList<BadRow> Kept => _kept;

    public int Count { get; private set; }

    public bool Aborting => !skipBadRows && Count > 0;

    public void Add(BadRow row)
    {
        Count++;
        if (_kept.Count < (skipBadRows ? KeptWhenSkipping : ShownOnAbort)) _kept.Add(row);
    }

    /// <summary>Called after every row once aborting: true when enough bad rows have been collected.</summary>
    public bool SeenEnoughToAbort() => _kept.Count >= ShownOnAbort || ++_rowsSinceAbort > RowsReadOnAfterAbort;
}
