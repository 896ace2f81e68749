namespace Pricer.Data.Datasets;

/// <summary>How far the full-text index of one data set (items <see cref="FirstId"/> to <see cref="LastId"/>) has got.</summary>
/// <param name="IndexedThrough">The last indexed item's id; <see cref="FirstId"/> - 1 when none is indexed yet.</param>
public sealed record SearchIndexStatus(long FirstId, long LastId, long IndexedThrough)
{
    public long Total => LastId - FirstId + 1;

    public long Indexed => IndexedThrough - FirstId + 1;

    public bool IsComplete => IndexedThrough >= LastId;

    public double Fraction => (double)Indexed / Total;
}
