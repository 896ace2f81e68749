namespace Pricer.Data.Datasets;

/// <summary>A named collection of items, imported once from one source.</summary>
public sealed class Dataset
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Where the items came from: a path, a folder or "hf:owner/name".</summary>
    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
    public int TrainCount { get; set; }
    public int ValidationCount { get; set; }
    public int TestCount { get; set; }
    public int SkippedCount { get; set; }

    public int TotalCount => TrainCount + ValidationCount + TestCount;
}
