using Pricer.Core.Pricers;

namespace Pricer.Core.Runs;

/// <summary>
/// Everything a watcher needs to draw a run as it stands: a late joiner starts from this and applies only the
/// updates numbered after <paramref name="Sequence"/>.
/// </summary>
public sealed record RunSnapshot(
    int RunId,
    long Sequence,
    RunStatus Status,
    double Progress,
    double? SamplesPerSecond,
    double? EtaSeconds,
    string? Message,
    string? Error,
    IReadOnlyDictionary<string, IReadOnlyList<RunPoint>> Series,
    IReadOnlyList<string> Log);
