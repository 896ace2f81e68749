using Pricer.Core.Pricers;

namespace Pricer.Core.Runs;

/// <summary>What a list of runs shows of one run, sent whenever its status or progress changes.</summary>
public sealed record RunHeadline(int RunId, RunStatus Status, double Progress, string? Message, string? Error);
